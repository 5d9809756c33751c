package org.yibao.supervision.review;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Claim review's rules, read once at start-up from {@value ReviewPolicy#FILE} (a bad file stops the service). */
@Configuration
class ReviewPolicyConfiguration {

    @Bean
    ReviewPolicy reviewPolicy() {
        return ReviewPolicy.load();
    }
}
