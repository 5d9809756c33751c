package org.yibao.web.time;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.yibao.contracts.time.BeijingTime;

import java.time.Clock;
import java.time.Duration;

/**
 * Every application's {@link Clock}: the system clock in Beijing time ({@link BeijingTime}). A test
 * that needs another time declares its own Clock bean, which replaces this one.
 *
 * <p>A rehearsal moves it ahead by {@code yibao.rehearsal.clock-offset} (an ISO-8601 duration, default none): a simulated
 * city's months and year, settled today, paid, priced by group and cleared as the bureau would that much later (the city
 * simulator's run does this with clearing-service and casemix-service). Only under the {@code rehearsal} profile (an
 * application refuses to start with an offset otherwise), and logged as a warning; negative offsets are refused.
 */
@AutoConfiguration
public class PlatformClockAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PlatformClockAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${yibao.rehearsal.clock-offset:PT0S}") Duration offset, Environment environment) {
        Clock beijing = Clock.system(BeijingTime.ZONE);
        if (offset.isNegative()) {
            throw new IllegalStateException("yibao.rehearsal.clock-offset: must not be negative: " + offset);
        }
        if (offset.isZero()) {
            return beijing;
        }
        if (!environment.matchesProfiles("rehearsal")) {
            throw new IllegalStateException("yibao.rehearsal.clock-offset: " + offset + " is set outside the rehearsal profile; a bureau's"
                    + " services run on the real time (start with --spring.profiles.active=rehearsal for a rehearsal)");
        }
        log.warn("the clock runs {} ahead of the real time (yibao.rehearsal.clock-offset): a rehearsal, not a bureau's own run", offset);
        return Clock.offset(beijing, offset);
    }
}
