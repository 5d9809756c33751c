package org.yibao.clearing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.yibao.clearing.rules.ClearingRules;
import org.yibao.contracts.time.BeijingTime;

import java.time.Clock;
import java.time.Duration;

/**
 * The clearing rules (budget management per region and year), read and validated at start-up: a bad file
 * stops the service naming the file and the field; and the service's Clock (Beijing time).
 */
@Configuration
class ClearingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ClearingConfiguration.class);

    @Bean
    ClearingRules clearingRules() {
        return ClearingRules.loadFromClasspath();
    }

    /**
     * Beijing time, moved ahead by {@code yibao.clearing.clock-offset} (an ISO-8601 duration, default none): a rehearsal
     * of the clearing as the bureau would run it that much later — a simulated city's months and year, settled today,
     * paid and cleared as if they had ended (the city simulator's run does this). Only under the {@code rehearsal} profile
     * (the service refuses to start with an offset otherwise), and logged as a warning; negative offsets are refused.
     */
    @Bean
    Clock clock(@Value("${yibao.clearing.clock-offset:PT0S}") Duration offset, Environment environment) {
        Clock beijing = Clock.system(BeijingTime.ZONE);
        if (offset.isNegative()) {
            throw new IllegalStateException("yibao.clearing.clock-offset: must not be negative: " + offset);
        }
        if (!offset.isZero() && !environment.matchesProfiles("rehearsal")) {
            throw new IllegalStateException("yibao.clearing.clock-offset: " + offset + " is set outside the rehearsal profile; a bureau's"
                    + " clearing runs on the real time (start with --spring.profiles.active=rehearsal for a rehearsal)");
        }
        if (offset.isZero()) {
            return beijing;
        }
        log.warn("clearing runs {} ahead of the real time (yibao.clearing.clock-offset): a rehearsal, not a bureau's clearing", offset);
        return Clock.offset(beijing, offset);
    }
}
