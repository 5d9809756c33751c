package org.yibao.settlement;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yibao.settlement.adjudication.Adjudicator;
import org.yibao.settlement.policy.PolicyPacks;

@Configuration
class SettlementConfiguration {

    @Bean
    PolicyPacks policyPacks() {
        return PolicyPacks.loadFromClasspath();
    }

    @Bean
    java.time.Clock clock() {
        return java.time.Clock.system(java.time.ZoneId.of("Asia/Shanghai"));
    }

    @Bean
    Adjudicator adjudicator() {
        return new Adjudicator();
    }
}
