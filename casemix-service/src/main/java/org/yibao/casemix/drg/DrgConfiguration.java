package org.yibao.casemix.drg;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yibao.casemix.codes.CodeTables;

/** The DRG grouping tables, read and validated at start-up against the code tables in force: a bad file stops the service. */
@Configuration
class DrgConfiguration {

    @Bean
    DrgTables drgTables(CodeTables codes) {
        return DrgTables.loadFromClasspath(codes);
    }
}
