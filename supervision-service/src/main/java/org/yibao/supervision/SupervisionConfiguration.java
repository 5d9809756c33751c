package org.yibao.supervision;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yibao.supervision.audit.AuditSettings;
import org.yibao.supervision.precheck.PreCheckRules;

import java.time.Clock;
import java.time.ZoneId;

@Configuration
@EnableConfigurationProperties({PreCheckRules.class, AuditSettings.class})
class SupervisionConfiguration {

    @Bean
    Clock clock() {
        return Clock.system(ZoneId.of("Asia/Shanghai"));
    }
}
