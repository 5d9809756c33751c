package org.yibao.identity;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.yibao.security.clients.ClientRegistry;

/**
 * A machine's id and secret (HTTP Basic or form fields) checked by the {@link ClientRegistry}: in place of Spring
 * Authorization Server's own check, which answers an unknown client id at once and a known one after the password
 * hash — a difference in time that tells which ids exist (issue 16, finding 4). Here both cost one hash.
 */
final class RegisteredClientSecrets implements AuthenticationProvider {

    private final ClientRegistry clients;
    private final RegisteredClientRepository repository;

    RegisteredClientSecrets(ClientRegistry clients, RegisteredClientRepository repository) {
        this.clients = clients;
        this.repository = repository;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        OAuth2ClientAuthenticationToken presented = (OAuth2ClientAuthenticationToken) authentication;
        ClientAuthenticationMethod method = presented.getClientAuthenticationMethod();
        if (!ClientAuthenticationMethod.CLIENT_SECRET_BASIC.equals(method) && !ClientAuthenticationMethod.CLIENT_SECRET_POST.equals(method)) {
            return null; // the console's PKCE (no secret) is another provider's
        }
        String clientId = String.valueOf(presented.getPrincipal());
        Object secret = presented.getCredentials();
        RegisteredClient client = clients.authenticate(clientId, secret == null ? null : secret.toString())
                .map(found -> repository.findByClientId(found.clientId()))
                .orElse(null);
        if (client == null || !client.getClientAuthenticationMethods().contains(method)) {
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT,
                    "unknown client or wrong secret", null));
        }
        return new OAuth2ClientAuthenticationToken(client, method, secret);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
