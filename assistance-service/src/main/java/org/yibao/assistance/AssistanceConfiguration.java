package org.yibao.assistance;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.yibao.assistance.warning.WarningProperties;

/** The warning's thresholds; the Clock (Beijing time) comes from web-support. */
@Configuration
@EnableConfigurationProperties(WarningProperties.class)
class AssistanceConfiguration {
}
