package org.yibao.assistance;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yibao.assistance.warning.WarningProperties;

import java.time.Clock;
import java.time.ZoneId;

@Configuration
@EnableConfigurationProperties(WarningProperties.class)
class AssistanceConfiguration {

    @Bean
    Clock clock() {
        return Clock.system(ZoneId.of("Asia/Shanghai"));
    }
}
