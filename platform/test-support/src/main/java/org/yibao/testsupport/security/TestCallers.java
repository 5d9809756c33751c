package org.yibao.testsupport.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.yibao.security.CallerIdentity;
import org.yibao.security.Role;
import org.yibao.security.token.TokenIssuer;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

/**
 * Tokens for the callers of a service under test, signed by this JVM's test key. Services under
 * {@code @PlatformIntegrationTest} trust exactly this key, so a test proves both that the right
 * caller gets in and that expired, tampered or foreign tokens do not.
 */
public final class TestCallers {

    public static final String ISSUER = "yibao-gateway";
    public static final String AUDIENCE = "yibao";

    private static final RSAKey KEY = generate("test-key");
    private static final TokenIssuer TOKENS = new TokenIssuer(KEY, ISSUER, AUDIENCE, Clock.systemUTC());

    /** Common callers. */
    public static final CallerIdentity CLERK = CallerIdentity.staff("clerk-1", Role.ENROLLMENT_CLERK);
    public static final CallerIdentity ASSISTANCE_OFFICER = CallerIdentity.staff("assist-1", Role.ASSISTANCE_OFFICER);
    public static final CallerIdentity AUDITOR = CallerIdentity.staff("auditor-1", Role.AUDITOR);
    public static final CallerIdentity MANAGER = CallerIdentity.staff("manager-1", Role.MANAGER);
    public static final CallerIdentity PROCUREMENT_OFFICER = CallerIdentity.staff("procure-1", Role.PROCUREMENT_OFFICER);

    private TestCallers() {
    }

    public static CallerIdentity his(String institution) {
        return CallerIdentity.his("his-" + institution, institution);
    }

    public static CallerIdentity pharmacy(String institution) {
        return CallerIdentity.pharmacy("pharmacy-" + institution, institution);
    }

    public static CallerIdentity department(String department) {
        return CallerIdentity.department("dept-" + department, department);
    }

    /** The public key set the services under test verify tokens with. */
    public static String publicKeySet() {
        return new JWKSet(KEY.toPublicJWK()).toString();
    }

    /** A valid token for the caller (15 minutes). */
    public static String token(CallerIdentity caller) {
        return TOKENS.issue(caller, Duration.ofMinutes(15)).value();
    }

    /** A token that expired ten minutes ago, well beyond the accepted clock skew. */
    /** A token signed by the test key for another system's audience (which the platform must refuse). */
    public static String tokenForAudience(String audience, CallerIdentity caller) {
        return new TokenIssuer(KEY, ISSUER, audience, Clock.systemUTC()).issue(caller, Duration.ofMinutes(5)).value();
    }

    public static String expiredToken(CallerIdentity caller) {
        Clock hourAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
        return new TokenIssuer(KEY, ISSUER, AUDIENCE, hourAgo).issue(caller, Duration.ofMinutes(50)).value();
    }

    /**
     * A valid token for one caller whose claims were then rewritten to claim another (the
     * signature no longer matches).
     */
    public static String tamperedToken(CallerIdentity signedFor, CallerIdentity claimed) {
        String[] signed = token(signedFor).split("\\.");
        String[] other = token(claimed).split("\\.");
        return signed[0] + "." + other[1] + "." + signed[2];
    }

    /** A well-formed token signed by a key the platform does not know, under the trusted key's id. */
    public static String foreignToken(CallerIdentity caller) {
        return new TokenIssuer(generate(KEY.getKeyID()), ISSUER, AUDIENCE, Clock.systemUTC())
                .issue(caller, Duration.ofMinutes(15)).value();
    }

    /** The claims part of a token, for assertions. */
    public static String claimsOf(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
