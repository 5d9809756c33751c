package org.yibao.security.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.yibao.security.CallerIdentity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Signs platform tokens (RS256, the key's id in the header so that verifiers pick the right key
 * while keys rotate). The gateway issues with it; tests mint callers with it.
 */
public final class TokenIssuer {

    private final RSAKey signingKey;
    private final RSASSASigner signer;
    private final String issuer;
    private final String audience;
    private final Clock clock;

    public TokenIssuer(RSAKey signingKey, String issuer, String audience, Clock clock) {
        if (!signingKey.isPrivate() || signingKey.getKeyID() == null) {
            throw new IllegalArgumentException("the signing key needs its private part and a key id");
        }
        try {
            this.signer = new RSASSASigner(signingKey);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the signing key cannot sign: " + e.getMessage(), e);
        }
        this.signingKey = signingKey;
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
    }

    /** A signed token for the caller, valid for the lifetime from now. */
    public IssuedToken issue(CallerIdentity caller, Duration lifetime) {
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(caller.clientId())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString());
        TokenClaims.of(caller).forEach(claims::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a token: " + e.getMessage(), e);
        }
        return new IssuedToken(jwt.serialize(), expires);
    }

    public String keyId() {
        return signingKey.getKeyID();
    }

    /** A token and when it stops being accepted. */
    public record IssuedToken(String value, Instant expiresAt) {
    }
}
