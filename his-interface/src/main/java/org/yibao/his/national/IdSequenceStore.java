package org.yibao.his.national;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The database sequence behind the interface's 30-digit ids ({@code his_id_seq}), shared by every instance. */
@Component
class IdSequenceStore {

    private final JdbcClient jdbc;

    IdSequenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long next() {
        return jdbc.sql("select nextval('his_id_seq')").query(Long.class).single();
    }
}
