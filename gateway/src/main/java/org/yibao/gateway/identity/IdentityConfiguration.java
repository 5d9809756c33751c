package org.yibao.gateway.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.yibao.security.token.TokenIssuer;

import java.time.Clock;

/** The gateway as token issuer: its keys, its registered clients, its signer. */
@Configuration
class IdentityConfiguration {

    @Bean
    SigningKeys signingKeys(IdentityProperties properties) {
        return SigningKeys.load(properties);
    }

    @Bean
    ClientRegistry clientRegistry(ResourceLoader loader, IdentityProperties properties) {
        return ClientRegistry.load(loader, properties.getClientsFile());
    }

    @Bean
    TokenIssuer tokenIssuer(SigningKeys keys, IdentityProperties properties) {
        return new TokenIssuer(keys.signing(), properties.getIssuer(), properties.getAudience(), Clock.systemUTC());
    }
}
