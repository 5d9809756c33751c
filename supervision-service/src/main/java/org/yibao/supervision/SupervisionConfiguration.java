package org.yibao.supervision;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.yibao.supervision.audit.AuditSettings;
import org.yibao.supervision.precheck.PreCheckRules;

/** The pre-check's and the audit's settings; the Clock (Beijing time) comes from web-support. */
@Configuration
@EnableConfigurationProperties({PreCheckRules.class, AuditSettings.class})
class SupervisionConfiguration {
}
