package org.yibao.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The platform's token issuer (Spring Authorization Server), under {@code yibao.identity}: where its signing keys,
 * registered clients (machines) and staff users live, what its tokens say, and the console's registration.
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
     * Where the console may be sent back after a login (its redirect URIs, exact match; OAuth 2.1 allows loopback only
     * as 127.0.0.1, never "localhost").
     */
    private java.util.List<String> consoleRedirectUris = java.util.List.of("http://127.0.0.1:8080/console/callback");
    /** How long a console session's access token lasts; the browser signs in again silently after it. */
    private Duration consoleTokenLifetime = Duration.ofMinutes(15);
    /**
     * The registered clients, a YAML file (Spring resource location). Its {@code STAFF} clients are also the users who
     * log in to the console with a browser (id and secret as user name and password); a bureau federates its own
     * identity provider instead (docs/adr/0030).
     */
    private String clientsFile = "classpath:org/yibao/security/local-clients.yml";
    /**
     * Failed authentications allowed for one client id from one source address before the token
     * endpoint answers that address 429: 5 at once, then 5 a minute. ASSUMPTION: a machine client that
     * fails five times running is misconfigured or under attack; either way more tries do not help it.
     * Keyed by id and address together, so a guesser elsewhere cannot lock a hospital out.
     */
    private org.yibao.security.clients.RateLimit failedAuthenticationsPerClient =
            new org.yibao.security.clients.RateLimit(5, 5 / 60.0);
    /** Per source address, whatever client ids it tries: 20 at once, then 20 a minute. */
    private org.yibao.security.clients.RateLimit failedAuthenticationsPerAddress =
            new org.yibao.security.clients.RateLimit(20, 20 / 60.0);
    /**
     * Per client id from all addresses together: 100 at once, then 100 a minute, the cap on guessing one
     * client's secret from many addresses (a guesser needs that many addresses to reach it).
     */
    private org.yibao.security.clients.RateLimit failedAuthenticationsPerClientEverywhere =
            new org.yibao.security.clients.RateLimit(100, 100 / 60.0);

    public org.yibao.security.clients.RateLimit getFailedAuthenticationsPerClientEverywhere() {
        return failedAuthenticationsPerClientEverywhere;
    }

    public void setFailedAuthenticationsPerClientEverywhere(org.yibao.security.clients.RateLimit limit) {
        this.failedAuthenticationsPerClientEverywhere = limit;
    }

    public org.yibao.security.clients.RateLimit getFailedAuthenticationsPerClient() {
        return failedAuthenticationsPerClient;
    }

    public void setFailedAuthenticationsPerClient(org.yibao.security.clients.RateLimit limit) {
        this.failedAuthenticationsPerClient = limit;
    }

    public org.yibao.security.clients.RateLimit getFailedAuthenticationsPerAddress() {
        return failedAuthenticationsPerAddress;
    }

    public void setFailedAuthenticationsPerAddress(org.yibao.security.clients.RateLimit limit) {
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

    public String getClientsFile() {
        return clientsFile;
    }

    public void setClientsFile(String clientsFile) {
        this.clientsFile = clientsFile;
    }

    public java.util.List<String> getConsoleRedirectUris() {
        return consoleRedirectUris;
    }

    public void setConsoleRedirectUris(java.util.List<String> consoleRedirectUris) {
        this.consoleRedirectUris = consoleRedirectUris;
    }

    public Duration getConsoleTokenLifetime() {
        return consoleTokenLifetime;
    }

    public void setConsoleTokenLifetime(Duration consoleTokenLifetime) {
        this.consoleTokenLifetime = consoleTokenLifetime;
    }
}
