package org.yibao.archfixture.good.orders;

import org.springframework.jdbc.core.simple.JdbcClient;

class OrderStore {

    private final JdbcClient jdbc;

    OrderStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long totalFen(String id) {
        return jdbc.sql("select total_fen from orders where id = ?").param(id).query(Long.class).single();
    }
}
