package org.yibao.web.time;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.yibao.contracts.time.BeijingTime;

import java.time.Clock;

/**
 * Every application's {@link Clock}: the system clock in Beijing time ({@link BeijingTime}). A test
 * that needs another time declares its own Clock bean, which replaces this one.
 */
@AutoConfiguration
public class PlatformClockAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(BeijingTime.ZONE);
    }
}
