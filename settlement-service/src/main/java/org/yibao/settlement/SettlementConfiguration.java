package org.yibao.settlement;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yibao.settlement.adjudication.Adjudicator;
import org.yibao.settlement.policy.PolicyPacks;
import org.yibao.settlement.precheck.PreCheckProperties;
import org.yibao.settlement.precheck.SupervisionPreCheck;
import org.yibao.web.resilience.CircuitBreakerPolicy;
import tools.jackson.databind.json.JsonMapper;

@Configuration
@EnableConfigurationProperties({PreCheckProperties.class, CircuitBreakerPolicy.class, ReferenceCacheProperties.class})
class SettlementConfiguration {

    @Bean
    SupervisionPreCheck supervisionPreCheck(PreCheckProperties properties, CircuitBreakerPolicy breaker, JsonMapper json,
                                            MeterRegistry meters) {
        return new SupervisionPreCheck(properties, breaker, json, meters);
    }

    @Bean
    PolicyPacks policyPacks() {
        return PolicyPacks.loadFromClasspath();
    }

    @Bean
    Adjudicator adjudicator() {
        return new Adjudicator();
    }
}
