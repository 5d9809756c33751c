package org.yibao.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

import java.time.Duration;
import java.util.Objects;

/**
 * Where Spring Authorization Server keeps what it granted. A machine's client-credentials token is not kept at all: it
 * is self-contained (checked by its signature and expiry at the gateway and in every service, never looked up), and a
 * busy province's hospitals would otherwise fill memory with one entry per token. A browser login's authorization (its
 * state, code, access and id tokens) is kept in memory for an hour, bounded in number, long enough for the code to be
 * exchanged, the id token to be shown at logout and the console's token to expire.
 *
 * <p>In memory, so one identity-service instance: a login begun on one instance is finished on the same one
 * (docs/adr/0030 says what several would need).
 */
final class BrowserAuthorizations implements OAuth2AuthorizationService {

    private static final OAuth2TokenType STATE = new OAuth2TokenType(OAuth2ParameterNames.STATE);
    private static final OAuth2TokenType CODE = new OAuth2TokenType(OAuth2ParameterNames.CODE);
    private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

    private final Cache<String, OAuth2Authorization> kept = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofHours(1)).maximumSize(50_000).build();

    @Override
    public void save(OAuth2Authorization authorization) {
        Objects.requireNonNull(authorization, "authorization");
        if (!AuthorizationGrantType.CLIENT_CREDENTIALS.equals(authorization.getAuthorizationGrantType())) {
            kept.put(authorization.getId(), authorization);
        }
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        kept.invalidate(authorization.getId());
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return kept.getIfPresent(id);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return kept.asMap().values().stream().filter(authorization -> holds(authorization, token, tokenType)).findFirst().orElse(null);
    }

    private static boolean holds(OAuth2Authorization authorization, String token, OAuth2TokenType type) {
        if (type == null) {
            return stateMatches(authorization, token) || value(authorization, OAuth2AuthorizationCode.class, token)
                    || value(authorization, OAuth2AccessToken.class, token) || value(authorization, OAuth2RefreshToken.class, token)
                    || value(authorization, OidcIdToken.class, token);
        }
        if (STATE.equals(type)) {
            return stateMatches(authorization, token);
        }
        if (CODE.equals(type)) {
            return value(authorization, OAuth2AuthorizationCode.class, token);
        }
        if (OAuth2TokenType.ACCESS_TOKEN.equals(type)) {
            return value(authorization, OAuth2AccessToken.class, token);
        }
        if (OAuth2TokenType.REFRESH_TOKEN.equals(type)) {
            return value(authorization, OAuth2RefreshToken.class, token);
        }
        return ID_TOKEN.equals(type) && value(authorization, OidcIdToken.class, token);
    }

    private static boolean stateMatches(OAuth2Authorization authorization, String token) {
        return token.equals(authorization.getAttribute(OAuth2ParameterNames.STATE));
    }

    private static boolean value(OAuth2Authorization authorization, Class<? extends org.springframework.security.oauth2.core.OAuth2Token> kind,
                                 String token) {
        OAuth2Authorization.Token<?> held = authorization.getToken(kind);
        return held != null && token.equals(held.getToken().getTokenValue());
    }
}
