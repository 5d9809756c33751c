package org.yibao.supervision;

import org.springframework.context.annotation.Configuration;

/**
 * Supervision's configuration: the rule library and the knowledge base are data files
 * ({@code yibao.supervision.rule-library}, {@code yibao.supervision.knowledge-base}); the Clock
 * (Beijing time) comes from web-support.
 */
@Configuration
class SupervisionConfiguration {
}
