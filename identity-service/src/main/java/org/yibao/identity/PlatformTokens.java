package org.yibao.identity;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.yibao.security.CallerIdentity;
import org.yibao.security.ClientKind;
import org.yibao.security.clients.ClientRegistry;
import org.yibao.security.clients.RegisteredClient;
import org.yibao.security.token.TokenClaims;

import java.util.List;

/**
 * What every access token says, whoever asked for it: the platform's issuer and audience (yibao.security.jwt.issuer
 * and .audience, which the gateway and the services check), the caller's kind, institution, department and roles
 * ({@link TokenClaims}), {@code sub} the client id or the staff member's user name. A machine's identity is its
 * registry entry; a console user's is the STAFF entry of their user name as it is when the token is issued (a role
 * taken away applies at the next token). The console's id token carries the roles too, for showing only what they allow.
 * Each token issued is written to the audit log and counted ({@code yibao.identity.tokens{outcome,kind}}).
 */
final class PlatformTokens implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private static final Logger audit = LoggerFactory.getLogger("org.yibao.identity.audit");

    private final ClientRegistry clients;
    private final IdentityProperties properties;
    private final MeterRegistry meters;

    PlatformTokens(ClientRegistry clients, IdentityProperties properties, MeterRegistry meters) {
        this.clients = clients;
        this.properties = properties;
        this.meters = meters;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        CallerIdentity caller = caller(context);
        context.getJwsHeader().type("JWT");
        if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            context.getClaims().issuer(properties.getIssuer()).audience(List.of(properties.getAudience()));
            TokenClaims.of(caller).forEach(context.getClaims()::claim);
            audit.info("token issued to {} ({})", caller.describe(), context.getAuthorizationGrantType().getValue());
            meters.counter("yibao.identity.tokens", "outcome", "issued", "kind", caller.kind().name()).increment();
        } else if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
            context.getClaims().claim("name", caller.clientId());
            context.getClaims().claim(TokenClaims.ROLES, caller.roles().stream().map(Enum::name).sorted().toList());
        }
    }

    private CallerIdentity caller(JwtEncodingContext context) {
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            return registered(context.getRegisteredClient().getClientId()).identity();
        }
        Authentication user = context.getPrincipal();
        return clients.find(user.getName()).filter(staff -> staff.identity().kind() == ClientKind.STAFF)
                .map(RegisteredClient::identity)
                .orElseThrow(() -> refused(user.getName() + " is no longer a staff member"));
    }

    private RegisteredClient registered(String clientId) {
        return clients.find(clientId).orElseThrow(() -> refused("unknown client " + clientId));
    }

    private static OAuth2AuthenticationException refused(String why) {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, why, null));
    }
}
