package org.yibao.gateway.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The gateway's token issuer, under {@code yibao.identity}: where its signing keys and registered
 * clients live, and what its tokens say.
 */
@ConfigurationProperties("yibao.identity")
public class IdentityProperties {

    /** The {@code iss} of the tokens issued here; services expect the same (yibao.security.jwt.issuer). */
    private String issuer = "yibao-gateway";
    private String audience = "yibao";
    private Duration tokenLifetime = Duration.ofMinutes(15);
    /**
     * A directory of RSA keys as JWK files ({@code <key id>.jwk.json}). Every key in it is published
     * at /oauth2/jwks; the signing key is {@link #signingKeyId} or else the newest by name. Empty
     * directory: a key is made there. Not set: a key is made in memory (tokens die with the process).
     */
    private String keysDir;
    private String signingKeyId;
    /**
     * A bureau's own identity provider: the address of its key set. When set, the gateway accepts
     * that provider's tokens instead of its own (the provider must issue the platform's claims,
     * see TokenClaims), and services are pointed at the same key set.
     */
    private String externalJwkSetUri;
    /** The registered clients, a YAML file (Spring resource location). */
    private String clientsFile = "classpath:local-clients.yml";
    /**
     * Failed authentications allowed for one client id from one source address before the token
     * endpoint answers that address 429: 5 at once, then 5 a minute. ASSUMPTION: a machine client that
     * fails five times running is misconfigured or under attack; either way more tries do not help it.
     * Keyed by id and address together, so a guesser elsewhere cannot lock a hospital out.
     */
    private org.yibao.gateway.ratelimit.RateLimit failedAuthenticationsPerClient =
            new org.yibao.gateway.ratelimit.RateLimit(5, 5 / 60.0);
    /** Per source address, whatever client ids it tries: 20 at once, then 20 a minute. */
    private org.yibao.gateway.ratelimit.RateLimit failedAuthenticationsPerAddress =
            new org.yibao.gateway.ratelimit.RateLimit(20, 20 / 60.0);
    /**
     * Per client id from all addresses together: 100 at once, then 100 a minute, the cap on guessing one
     * client's secret from many addresses (a guesser needs that many addresses to reach it).
     */
    private org.yibao.gateway.ratelimit.RateLimit failedAuthenticationsPerClientEverywhere =
            new org.yibao.gateway.ratelimit.RateLimit(100, 100 / 60.0);

    public org.yibao.gateway.ratelimit.RateLimit getFailedAuthenticationsPerClientEverywhere() {
        return failedAuthenticationsPerClientEverywhere;
    }

    public void setFailedAuthenticationsPerClientEverywhere(org.yibao.gateway.ratelimit.RateLimit limit) {
        this.failedAuthenticationsPerClientEverywhere = limit;
    }

    public org.yibao.gateway.ratelimit.RateLimit getFailedAuthenticationsPerClient() {
        return failedAuthenticationsPerClient;
    }

    public void setFailedAuthenticationsPerClient(org.yibao.gateway.ratelimit.RateLimit limit) {
        this.failedAuthenticationsPerClient = limit;
    }

    public org.yibao.gateway.ratelimit.RateLimit getFailedAuthenticationsPerAddress() {
        return failedAuthenticationsPerAddress;
    }

    public void setFailedAuthenticationsPerAddress(org.yibao.gateway.ratelimit.RateLimit limit) {
        this.failedAuthenticationsPerAddress = limit;
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

    public Duration getTokenLifetime() {
        return tokenLifetime;
    }

    public void setTokenLifetime(Duration tokenLifetime) {
        this.tokenLifetime = tokenLifetime;
    }

    public Path getKeysDir() {
        return keysDir == null || keysDir.isBlank() ? null : Path.of(keysDir);
    }

    public void setKeysDir(String keysDir) {
        this.keysDir = keysDir;
    }

    public String getSigningKeyId() {
        return signingKeyId;
    }

    public void setSigningKeyId(String signingKeyId) {
        this.signingKeyId = signingKeyId == null || signingKeyId.isBlank() ? null : signingKeyId;
    }

    public String getExternalJwkSetUri() {
        return externalJwkSetUri;
    }

    public void setExternalJwkSetUri(String externalJwkSetUri) {
        this.externalJwkSetUri = externalJwkSetUri == null || externalJwkSetUri.isBlank() ? null : externalJwkSetUri;
    }

    public String getClientsFile() {
        return clientsFile;
    }

    public void setClientsFile(String clientsFile) {
        this.clientsFile = clientsFile;
    }
}
