package org.yibao.casemix;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yibao.casemix.codes.CodeTables;
import org.yibao.casemix.rules.CasemixRules;

/**
 * The code tables and the DIP rules, read and validated at start-up: a bad file stops the service naming the file and the
 * field. The Clock (Beijing time) comes from web-support.
 */
@Configuration
class CasemixConfiguration {

    @Bean
    CodeTables codeTables() {
        return CodeTables.loadFromClasspath();
    }

    @Bean
    CasemixRules casemixRules() {
        return CasemixRules.loadFromClasspath();
    }
}
