package org.yibao.gateway.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.yibao.security.access.AccessPolicy;
import org.yibao.security.token.CallerAuthentication;
import org.yibao.security.token.JwtProperties;
import org.yibao.security.token.JwtVerification;
import org.yibao.security.token.VerifiedTokens;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.net.InetSocketAddress;
import java.time.Clock;

/**
 * The door's lock: every call but health, the token endpoint and the public keys needs a valid
 * bearer token, and the platform's access policy must admit its caller to the path. Tokens are
 * checked against the gateway's own keys, or, when a bureau brings its identity provider, against
 * that provider's key set ({@code yibao.identity.external-jwk-set-uri}).
 */
@Configuration
@EnableWebFluxSecurity
@EnableConfigurationProperties(JwtProperties.class)
class GatewaySecurity {

    /** No observation of each security step: the request's own covers it (see the services' ServiceSecurityAutoConfiguration). */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings securityObservationSettings() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    @Bean
    AccessPolicy accessPolicy() {
        return AccessPolicy.platform();
    }

    /**
     * Tokens are checked against the identity service's keys ({@code yibao.security.jwt.jwk-set-uri}, its
     * /oauth2/jwks, fetched when a token names a key not yet known), or a bureau's own identity provider's, or an inline
     * key set ({@code yibao.security.jwt.jwk-set}: tests, air-gapped set-ups).
     */
    @Bean
    ReactiveJwtDecoder jwtDecoder(JwtProperties jwt) {
        NimbusReactiveJwtDecoder decoder = jwt.getJwkSet() != null && !jwt.getJwkSet().isBlank()
                ? NimbusReactiveJwtDecoder.withJwkSource(token -> Flux.fromIterable(JwtVerification.parse(jwt.getJwkSet()).getKeys()))
                        .jwsAlgorithm(SignatureAlgorithm.RS256).build()
                : NimbusReactiveJwtDecoder.withJwkSetUri(jwt.getJwkSetUri()).jwsAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(JwtVerification.validator(jwt));
        // each distinct token is verified once (see VerifiedTokens)
        VerifiedTokens verified = new VerifiedTokens(jwt.getClockSkew(), Clock.systemUTC());
        return token -> {
            Jwt known = verified.find(token);
            return known != null ? Mono.just(known) : decoder.decode(token).map(verified::remember);
        };
    }

    @Bean
    ProblemAnswers problemAnswers(JsonMapper json) {
        return new ProblemAnswers(json);
    }

    /** Spring Security's firewall (encoded slashes, "..", NUL, bad methods) refuses with problem+json, not an empty 400. */
    @Bean
    org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler exchangeRejected(ProblemAnswers answers) {
        return (exchange, rejected) -> answers.refusedRequest(exchange, org.springframework.http.HttpStatus.BAD_REQUEST,
                "The URL was refused before any API read it: " + rejected.getMessage());
    }

    @Bean
    SecurityWebFilterChain gatewaySecurityChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder, AccessPolicy policy,
                                                ProblemAnswers answers, Environment environment) {
        PolicyAuthorization byPolicy = new PolicyAuthorization(policy);
        return http
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges
                        .matchers(actuatorOnManagementPort(environment)).permitAll()
                        // the identity service's own endpoints (token, keys, login, metadata): it checks its callers itself
                        .pathMatchers(org.yibao.gateway.routing.ServiceRoutes.IDENTITY_PATHS).permitAll()
                        // the console's files: the application itself is public, everything it shows comes from the APIs
                        .pathMatchers(HttpMethod.GET, "/console", "/console/**").permitAll()
                        .pathMatchers(HttpMethod.GET, "/ops/*/health", "/actuator/health", "/actuator/health/**").permitAll()
                        .pathMatchers(HttpMethod.GET, "/openapi", "/openapi/*").authenticated()
                        .anyExchange().access(byPolicy))
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(token -> Mono.just(CallerAuthentication.of(token))))
                        .authenticationEntryPoint(answers)
                        .accessDeniedHandler(answers))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(answers).accessDeniedHandler(answers))
                .build();
    }

    /**
     * Actuator on the management port, which operators and Prometheus reach from the inside (the
     * same filters serve both ports, so the port has to be told apart here).
     */
    private static ServerWebExchangeMatcher actuatorOnManagementPort(Environment environment) {
        ServerWebExchangeMatcher actuator = ServerWebExchangeMatchers.pathMatchers("/actuator/**");
        return exchange -> {
            Integer port = environment.getProperty("local.management.port", Integer.class);
            InetSocketAddress local = exchange.getRequest().getLocalAddress();
            boolean management = port != null && local != null && local.getPort() == port
                    && !port.equals(environment.getProperty("local.server.port", Integer.class));
            return management ? actuator.matches(exchange) : ServerWebExchangeMatcher.MatchResult.notMatch();
        };
    }
}
