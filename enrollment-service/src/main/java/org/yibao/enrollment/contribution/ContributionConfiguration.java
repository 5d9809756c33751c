package org.yibao.enrollment.contribution;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ContributionConfiguration {

    /** Validated at start-up: a bad rates file stops the service with the file and field named. */
    @Bean
    EmployeeRateFiles employeeRateFiles() {
        return EmployeeRateFiles.loadFromClasspath();
    }
}
