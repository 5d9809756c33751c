package org.yibao.messaging.config;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/**
 * Applies the library's own tables (outbox, processed events) to the service's database, with a
 * history table of its own so that they never collide with the service's migration numbers.
 */
public class MessagingSchema {

    public static final String HISTORY_TABLE = "messaging_schema_history";

    public MessagingSchema(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/messaging")
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
