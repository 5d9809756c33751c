package org.yibao.gateway.ratelimit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the {@link RateLimitStore}: {@code yibao.gateway.rate-limit-store.type} is {@code memory} (the default: one
 * gateway) or {@code postgresql} (several gateways share the buckets; {@code url}, {@code username}, {@code password}
 * name the database). docs/adr/0029.
 */
@Configuration
@EnableConfigurationProperties(RateLimitStoreConfiguration.StoreProperties.class)
public class RateLimitStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RateLimitStoreConfiguration.class);

    @Bean
    RateLimitStore rateLimitStore(StoreProperties properties) {
        RateLimitStore store = switch (properties.getType()) {
            case "memory" -> new MemoryRateLimitStore();
            case "postgresql" -> {
                if (properties.getUrl() == null || properties.getUrl().isBlank()) {
                    throw new IllegalStateException("yibao.gateway.rate-limit-store.url is required when its type is postgresql");
                }
                yield new PostgresRateLimitStore(properties.getUrl(), properties.getUsername(), properties.getPassword(),
                        properties.getPoolSize());
            }
            default -> throw new IllegalStateException("yibao.gateway.rate-limit-store.type must be memory or postgresql, not "
                    + properties.getType());
        };
        log.info("clients' rate limits kept in {}", store.kind());
        return store;
    }

    /** {@code yibao.gateway.rate-limit-store}: where the buckets are (see the class). */
    @ConfigurationProperties("yibao.gateway.rate-limit-store")
    public static class StoreProperties {
        private String type = "memory";
        private String url;
        private String username;
        private String password;
        /** Connections to the store (one round trip per call; a client's calls wait for its row in turn). */
        private int poolSize = 4;

        public String getType() {
            return type;
        }

        public void setType(String type) {
            this.type = type;
        }

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public int getPoolSize() {
            return poolSize;
        }

        public void setPoolSize(int poolSize) {
            this.poolSize = poolSize;
        }
    }
}
