package org.yibao.identity;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.yibao.security.clients.ClientRegistry;

/**
 * Spring Authorization Server as the platform's token issuer (docs/adr/0030):
 * <ul>
 *   <li>machines (hospitals' HIS, pharmacies, departments, staff tools) get tokens by client credentials at
 *       {@code POST /oauth2/token}, HTTP Basic or form fields, exactly as they did at the gateway;</li>
 *   <li>staff log in to the console with a browser: the authorization code with PKCE ({@code /oauth2/authorize},
 *       the login form at {@code /login}), the console a public client ({@link PlatformClients#CONSOLE});</li>
 *   <li>the keys at {@code /oauth2/jwks}, the metadata at {@code /.well-known/openid-configuration}.</li>
 * </ul>
 * Every access token carries the platform's claims ({@link PlatformTokens}), so the gateway and the services check a
 * console user's token exactly like a machine's.
 */
@Configuration
@EnableConfigurationProperties(IdentityProperties.class)
class AuthorizationServerConfiguration {

    /** The authorization server's own endpoints; an unauthenticated browser is sent to the login form. */
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http, ClientRegistry clients, RegisteredClientRepository repository,
                                                 CredentialThrottle throttle, io.micrometer.core.instrument.MeterRegistry meters)
            throws Exception {
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.oidc(oidc -> { })
                    .authorizationEndpoint(endpoint -> endpoint.authenticationProviders(providers -> providers.forEach(provider -> {
                        if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider codeRequests) {
                            codeRequests.setAuthenticationValidator(ExactRedirectUri.VALIDATOR);
                        }
                    })))
                    .clientAuthentication(authentication -> authentication
                            .authenticationProviders(providers -> {
                                // the registry's check: an unknown id costs the same password hash as a known one
                                providers.removeIf(provider -> provider instanceof ClientSecretAuthenticationProvider);
                                providers.add(0, new RegisteredClientSecrets(clients, repository));
                            })
                            .errorResponseHandler(ClientAuthenticationErrors.FAILURE))
                    // the token endpoint's own errors: invalid_client (a request that reached it with a browser's session
                    // but no client authentication) is 401 like the client filter's, every other error 400
                    .tokenEndpoint(token -> token.errorResponseHandler(ClientAuthenticationErrors.FAILURE));
        });
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .addFilterBefore(new TokenEndpointThrottle(throttle, meters), org.springframework.security.web.context.SecurityContextHolderFilter.class)
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(ClientAuthenticationErrors.ENTRY_POINT, clientEndpoints())
                        .defaultAuthenticationEntryPointFor(loginForm(), AnyRequestMatcher.INSTANCE));
        return http.build();
    }

    /**
     * The endpoints only programs call, with client authentication (token, introspection, revocation): a request there
     * without it gets RFC 6749 §5.2's JSON error, never a redirect to the login form. Every other endpoint (authorize,
     * user info, logout) sends an unauthenticated caller to the form.
     */
    private static RequestMatcher clientEndpoints() {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(paths.matcher(HttpMethod.POST, "/oauth2/token"),
                paths.matcher(HttpMethod.POST, "/oauth2/introspect"), paths.matcher(HttpMethod.POST, "/oauth2/revoke"));
    }

    /** The staff's login form and logout; everything else falls to the services' chain (actuator open, the rest refused). */
    @Bean
    @Order(2)
    SecurityFilterChain loginChain(HttpSecurity http, CredentialThrottle credentials, io.micrometer.core.instrument.MeterRegistry meters)
            throws Exception {
        LoginThrottle throttle = new LoginThrottle(credentials, meters);
        http.securityMatcher("/login", "/logout", "/login-assets/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .addFilterBefore(throttle, org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class)
                .formLogin(form -> form.loginPage("/login").failureHandler(throttle).successHandler(throttle))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        return http.build();
    }

    /** Sends a browser to the form by a relative address: it is behind the gateway, whose address the browser keeps. */
    private static LoginUrlAuthenticationEntryPoint loginForm() {
        LoginUrlAuthenticationEntryPoint entryPoint = new LoginUrlAuthenticationEntryPoint("/login");
        entryPoint.setFavorRelativeUris(true);
        return entryPoint;
    }

    @Bean
    ClientRegistry clientRegistry(ResourceLoader loader, IdentityProperties properties) {
        return ClientRegistry.load(loader, properties.getClientsFile());
    }

    @Bean
    SigningKeys signingKeys(IdentityProperties properties) {
        return SigningKeys.load(properties);
    }

    @Bean
    RegisteredClientRepository registeredClients(ClientRegistry clients, IdentityProperties properties) {
        return new PlatformClients(clients, properties);
    }

    /** The staff who log in with a browser: the registry's STAFF clients. */
    @Bean
    UserDetailsService staffUsers(ClientRegistry clients) {
        return new StaffUsers(clients);
    }

    /** Machine tokens are not kept (they are self-contained, checked by signature); a login's code is, until used. */
    @Bean
    OAuth2AuthorizationService authorizations() {
        return new BrowserAuthorizations();
    }

    /** Every key of the folder, published at /oauth2/jwks (public parts only). */
    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
        return new ImmutableJWKSet<>(keys.publicKeys());
    }

    /** Tokens are signed with the one signing key, whatever others the folder publishes during a rotation. */
    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(keys.signing())));
    }

    /** Checks the tokens issued here (OIDC user info, id token hints at logout, the services' chain). */
    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys) {
        return NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(keys.publicKeys())).build();
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> platformClaims(ClientRegistry clients, IdentityProperties properties,
                                                            io.micrometer.core.instrument.MeterRegistry meters) {
        return new PlatformTokens(clients, properties, meters);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        // no fixed issuer: it is the address the caller used (the gateway's, its Host passed on), as OIDC discovery expects
        return AuthorizationServerSettings.builder().build();
    }
}
