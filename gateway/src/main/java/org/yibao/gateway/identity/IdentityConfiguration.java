package org.yibao.gateway.identity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.yibao.security.clients.ClientRegistry;

/**
 * The registered clients, for their own rate limits (a client without one gets its kind's). Tokens are issued by the
 * identity service (docs/adr/0030), which reads the same file.
 */
@Configuration
class IdentityConfiguration {

    @Bean
    ClientRegistry clientRegistry(ResourceLoader loader,
                                  @Value("${yibao.identity.clients-file:classpath:org/yibao/security/local-clients.yml}") String clientsFile) {
        return ClientRegistry.load(loader, clientsFile);
    }
}
