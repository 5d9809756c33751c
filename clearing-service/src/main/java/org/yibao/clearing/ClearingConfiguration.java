package org.yibao.clearing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yibao.clearing.rules.ClearingRules;

/**
 * The clearing rules (budget management per region and year), read and validated at start-up: a bad file
 * stops the service naming the file and the field. Its Clock is the platform's (PlatformClockAutoConfiguration, with a
 * rehearsal's offset).
 */
@Configuration
class ClearingConfiguration {

    @Bean
    ClearingRules clearingRules() {
        return ClearingRules.loadFromClasspath();
    }
}
