package org.yibao.supervision;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Supervision's configuration: the rule library and the knowledge base are data files
 * ({@code yibao.supervision.rule-library}, {@code yibao.supervision.knowledge-base}); reference data is
 * kept in memory for {@code yibao.supervision.reference-cache.ttl} ({@link ReferenceCacheProperties}); the
 * Clock (Beijing time) comes from web-support.
 */
@Configuration
@EnableConfigurationProperties(ReferenceCacheProperties.class)
class SupervisionConfiguration {
}
