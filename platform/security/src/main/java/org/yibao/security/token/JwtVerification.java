package org.yibao.security.token;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.text.ParseException;
import java.time.Clock;
import java.util.Collection;

/**
 * How a token is checked, the same at the gateway and in every service: an RS256 signature by a
 * key of the configured key set, not expired (within the clock skew), from the configured issuer,
 * for the platform's audience. What the token says about its caller is checked when it becomes a
 * {@link CallerAuthentication}.
 */
public final class JwtVerification {

    private JwtVerification() {
    }

    public static OAuth2TokenValidator<Jwt> validator(JwtProperties properties) {
        return new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(properties.getClockSkew()),
                new JwtIssuerValidator(properties.getIssuer()),
                new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                        aud -> aud != null && aud.contains(properties.getAudience())),
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, exp -> exp != null));
    }

    /** A servlet service's decoder: the inline key set when given, otherwise the key set's address. */
    public static JwtDecoder decoder(JwtProperties properties) {
        NimbusJwtDecoder decoder = properties.getJwkSet() != null && !properties.getJwkSet().isBlank()
                ? NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<SecurityContext>(parse(properties.getJwkSet())))
                        .jwsAlgorithm(SignatureAlgorithm.RS256).build()
                : NimbusJwtDecoder.withJwkSetUri(properties.getJwkSetUri()).jwsAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(validator(properties));
        return cached(decoder, properties);
    }

    /** A decoder that verifies each distinct token once (see {@link VerifiedTokens}). */
    public static JwtDecoder cached(JwtDecoder decoder, JwtProperties properties) {
        VerifiedTokens verified = new VerifiedTokens(properties.getClockSkew(), Clock.systemUTC());
        return token -> {
            Jwt known = verified.find(token);
            return known != null ? known : verified.remember(decoder.decode(token));
        };
    }

    public static JWKSet parse(String json) {
        try {
            return JWKSet.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("yibao.security.jwt.jwk-set is not a JSON Web Key Set: " + e.getMessage(), e);
        }
    }
}
