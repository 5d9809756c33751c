package org.yibao.identity;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.yibao.security.clients.ClientRegistry;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The clients Spring Authorization Server knows: every machine of the {@link ClientRegistry} (client credentials, its
 * secret sent by HTTP Basic or as form fields, a token for {@code yibao.identity.token-lifetime}), and the console
 * ({@link #CONSOLE}), a public client that signs staff in by the authorization code with PKCE (S256) to its registered
 * redirect URIs. Read-only: a bureau registers clients in its clients file.
 */
final class PlatformClients implements RegisteredClientRepository {

    /** The staff console's client id (a browser application: no secret, PKCE required). */
    static final String CONSOLE = "yibao-console";

    private final Map<String, RegisteredClient> byClientId = new LinkedHashMap<>();
    private final Map<String, RegisteredClient> byId = new LinkedHashMap<>();

    PlatformClients(ClientRegistry clients, IdentityProperties properties) {
        TokenSettings machineTokens = TokenSettings.builder().accessTokenTimeToLive(properties.getTokenLifetime()).build();
        clients.all().forEach(client -> add(RegisteredClient.withId(client.clientId())
                .clientId(client.clientId())
                .clientSecret(client.secretHash())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenSettings(machineTokens)
                .build()));
        if (byClientId.containsKey(CONSOLE)) {
            throw new IllegalStateException("the clients file registers " + CONSOLE + ", the console's own client id");
        }
        add(RegisteredClient.withId(CONSOLE)
                .clientId(CONSOLE)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(properties.getConsoleRedirectUris()))
                .postLogoutRedirectUris(uris -> properties.getConsoleRedirectUris().forEach(uri ->
                        uris.add(uri.replaceFirst("/callback$", "/"))))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.getConsoleTokenLifetime())
                        .authorizationCodeTimeToLive(java.time.Duration.ofMinutes(2)).build())
                .build());
    }

    private void add(RegisteredClient client) {
        byClientId.put(client.getClientId(), client);
        byId.put(client.getId(), client);
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        throw new UnsupportedOperationException("clients are registered in the clients file (yibao.identity.clients-file)");
    }

    @Override
    public RegisteredClient findById(String id) {
        return byId.get(id);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return byClientId.get(clientId);
    }
}
