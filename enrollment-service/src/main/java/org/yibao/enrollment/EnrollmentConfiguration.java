package org.yibao.enrollment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yibao.enrollment.contribution.ContributionPolicies;

@Configuration
class EnrollmentConfiguration {

    /** Validated at start-up: a bad policy file stops the service with the field named. */
    @Bean
    ContributionPolicies contributionPolicies() {
        return ContributionPolicies.loadFromClasspath();
    }
}
