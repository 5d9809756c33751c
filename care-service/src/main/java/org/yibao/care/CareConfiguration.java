package org.yibao.care;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yibao.care.policy.AssessmentScales;
import org.yibao.care.policy.CarePolicies;

/**
 * The assessment scales and the care policies, read and validated at start-up (a bad file stops the
 * service naming the file and the field); the Clock (Beijing time) comes from web-support.
 */
@Configuration
class CareConfiguration {

    @Bean
    AssessmentScales assessmentScales() {
        return AssessmentScales.loadFromClasspath();
    }

    @Bean
    CarePolicies carePolicies(AssessmentScales scales) {
        return CarePolicies.loadFromClasspath(scales);
    }
}
