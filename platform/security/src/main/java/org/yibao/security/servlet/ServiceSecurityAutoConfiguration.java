package org.yibao.security.servlet;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.yibao.security.access.AccessPolicy;
import org.yibao.security.token.CallerAuthentication;
import org.yibao.security.token.JwtProperties;
import org.yibao.security.token.JwtVerification;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * Every servlet service checks its callers itself, even behind the gateway: a bearer token signed
 * by a key of the configured key set, and the platform's access policy for the path. Actuator and
 * the OpenAPI document stay open on the service's own port (they are not routed by the gateway,
 * except health).
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@EnableConfigurationProperties(JwtProperties.class)
@EnableWebSecurity
public class ServiceSecurityAutoConfiguration {

    /**
     * No observation (metrics, spans) of each security step: a request's own observation covers it, and the steps' six or
     * so spans per request cost measurable CPU on the settle path when tracing is on (docs/benchmarks.md §16).
     */
    @Bean
    @ConditionalOnMissingBean
    org.springframework.security.config.observation.SecurityObservationSettings securityObservationSettings() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    @Bean
    @ConditionalOnMissingBean
    AccessPolicy accessPolicy() {
        return AccessPolicy.platform();
    }

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(JwtProperties properties) {
        return JwtVerification.decoder(properties);
    }

    @Bean
    SecurityFilterChain serviceSecurity(HttpSecurity http, JwtDecoder decoder, AccessPolicy policy, JsonMapper json) {
        ProblemSecurityAnswers answers = new ProblemSecurityAnswers(json);
        http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/**", "/v3/api-docs/**", "/error").permitAll()
                        .anyRequest().access(new PolicyAuthorizationManager(policy)))
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(CallerAuthentication::of))
                        .authenticationEntryPoint(answers)
                        .accessDeniedHandler(answers))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(answers).accessDeniedHandler(answers));
        return http.build();
    }

    /** The caller comes from the token, so it is no parameter of the API document (springdoc would list it as a query). */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.core.utils.SpringDocUtils")
    static class CallerIsNoApiParameter {
        static {
            org.springdoc.core.utils.SpringDocUtils.getConfig().addRequestWrapperToIgnore(org.yibao.security.CallerIdentity.class);
        }
    }

    @Bean
    WebMvcConfigurer callerIdentityArguments() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerIdentityArgumentResolver());
            }
        };
    }
}
