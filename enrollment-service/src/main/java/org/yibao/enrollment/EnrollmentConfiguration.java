package org.yibao.enrollment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yibao.enrollment.contribution.ContributionPolicies;

import java.time.Clock;
import java.time.ZoneId;

@Configuration
class EnrollmentConfiguration {

    /** Validated at start-up: a bad policy file stops the service with the field named. */
    @Bean
    ContributionPolicies contributionPolicies() {
        return ContributionPolicies.loadFromClasspath();
    }

    @Bean
    Clock clock() {
        return Clock.system(ZoneId.of("Asia/Shanghai"));
    }
}
