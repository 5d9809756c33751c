package org.yibao.security.token;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Where the keys that sign callers' tokens come from and what a token must say, under
 * {@code yibao.security.jwt}. A service reads the gateway's key set by default; a bureau that runs
 * its own identity provider points {@code jwk-set-uri} and {@code issuer} at it.
 */
@ConfigurationProperties("yibao.security.jwt")
public class JwtProperties {

    /** HTTP address of the JSON Web Key Set. */
    private String jwkSetUri = "http://localhost:8079/oauth2/jwks";
    /** The key set itself, as JSON; when set, {@code jwk-set-uri} is not used (tests, air-gapped set-ups). */
    private String jwkSet;
    /** The {@code iss} every accepted token must carry. */
    private String issuer = "yibao-gateway";
    /** The audience every accepted token must name. */
    private String audience = "yibao";
    /** How far clocks may disagree when checking expiry. */
    private Duration clockSkew = Duration.ofSeconds(30);

    public String getJwkSetUri() {
        return jwkSetUri;
    }

    public void setJwkSetUri(String jwkSetUri) {
        this.jwkSetUri = jwkSetUri;
    }

    public String getJwkSet() {
        return jwkSet;
    }

    public void setJwkSet(String jwkSet) {
        this.jwkSet = jwkSet;
    }

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience;
    }

    public Duration getClockSkew() {
        return clockSkew;
    }

    public void setClockSkew(Duration clockSkew) {
        this.clockSkew = clockSkew;
    }
}
