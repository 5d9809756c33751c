package org.yibao.procurement.batch;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Batches, their selected products and the items of the same generics: tables batch, product, same_generic_item. */
@Repository
public class BatchStore {

    private final JdbcClient jdbc;

    BatchStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the batch, its products and the same-generic items not yet known; a batch or product already there throws DuplicateKeyException. */
    void insert(Batch b, List<SameGeneric> sameGenericItems) {
        jdbc.sql("insert into batch (batch_id, name, level, kind, starts_on, ends_on) values (?, ?, ?, ?, ?, ?)")
                .params(b.batchId(), b.name(), b.level().name(), b.kind().name(), b.startsOn(), b.endsOn()).update();
        for (Product p : b.products()) {
            jdbc.sql("""
                            insert into product (item_code, batch_id, generic_name, specification, manufacturer, winning_price,
                                previous_price) values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(p.itemCode(), b.batchId(), p.genericName(), p.specification(), p.manufacturer(),
                            p.winningPrice(), p.previousPrice()).update();
        }
        for (SameGeneric g : sameGenericItems) {
            jdbc.sql("insert into same_generic_item (item_code, generic_name) values (?, ?) on conflict do nothing")
                    .params(g.itemCode(), g.genericName()).update();
        }
    }

    Optional<RegisteredBatch> find(String batchId) {
        return jdbc.sql("select batch_id, name, level, kind, starts_on, ends_on, created_at from batch where batch_id = ?")
                .param(batchId).query(BatchStore::batch).optional();
    }

    /** The batches in force at some time of the year (any year when null), by start then id. */
    List<RegisteredBatch> inYear(Integer year) {
        return jdbc.sql("""
                        select batch_id, name, level, kind, starts_on, ends_on, created_at from batch
                        where (?::integer is null or (extract(year from starts_on) <= ? and extract(year from ends_on) >= ?))
                        order by starts_on, batch_id""")
                .params(year, year, year).query(BatchStore::batch).list();
    }

    /** The products of these batches, by batch then item code, in one query. */
    java.util.Map<String, List<Product>> productsOf(List<String> batchIds) {
        java.util.Map<String, List<Product>> byBatch = new java.util.LinkedHashMap<>();
        batchIds.forEach(id -> byBatch.put(id, new java.util.ArrayList<>()));
        jdbc.sql("""
                        select batch_id, item_code, generic_name, specification, manufacturer, winning_price, previous_price
                        from product where batch_id = any(?) order by batch_id, item_code""")
                .param(batchIds.toArray(String[]::new))
                .query(rs -> {
                    byBatch.get(rs.getString("batch_id")).add(new Product(rs.getString("item_code"), rs.getString("generic_name"),
                            rs.getString("specification"), rs.getString("manufacturer"), rs.getBigDecimal("winning_price"),
                            rs.getBigDecimal("previous_price")));
                });
        return byBatch;
    }

    /** The batch's products by item code. */
    List<Product> products(String batchId) {
        return jdbc.sql("""
                        select item_code, generic_name, specification, manufacturer, winning_price, previous_price
                        from product where batch_id = ? order by item_code""")
                .param(batchId)
                .query((rs, n) -> new Product(rs.getString("item_code"), rs.getString("generic_name"), rs.getString("specification"),
                        rs.getString("manufacturer"), rs.getBigDecimal("winning_price"), rs.getBigDecimal("previous_price")))
                .list();
    }

    /** Whether a batch of this id is registered. */
    public boolean exists(String batchId) {
        return jdbc.sql("select count(*) from batch where batch_id = ?").param(batchId).query(Integer.class).single() > 0;
    }

    /** The item codes of every batch's selected products. */
    public Set<String> selectedItemCodes() {
        return new HashSet<>(jdbc.sql("select item_code from product").query(String.class).list());
    }

    /** The generic name of a selected product of any batch, if the item code is one. */
    public Optional<String> genericName(String itemCode) {
        return jdbc.sql("select generic_name from product where item_code = ?").param(itemCode).query(String.class).optional();
    }

    private static RegisteredBatch batch(ResultSet rs, int row) throws SQLException {
        return new RegisteredBatch(rs.getString("batch_id"), rs.getString("name"), Level.valueOf(rs.getString("level")),
                Kind.valueOf(rs.getString("kind")), rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class), rs.getTimestamp("created_at").toInstant());
    }
}
