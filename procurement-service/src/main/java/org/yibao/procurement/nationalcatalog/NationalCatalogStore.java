package org.yibao.procurement.nationalcatalog;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.events.CatalogChanged;
import org.yibao.contracts.events.ItemClass;

import java.sql.Types;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * All SQL of procurement's copy of the reimbursement catalog: table national_catalog_entry, with the
 * tombstones of removed entries. A part of a change (500 entries) is written as one batch.
 */
@Repository
class NationalCatalogStore {

    /**
     * Upserts an entry only over an older version of it: a replayed or older entry updates nothing, and of
     * two versions of one entry in the same part the newer stands whatever their order.
     */
    private static final String UPSERT = """
            insert into national_catalog_entry (code, valid_from, ver, removed, name, item_class, valid_to)
            values (?, ?, ?, ?, ?, ?, ?)
            on conflict (code, valid_from) do update set ver = excluded.ver, removed = excluded.removed, name = excluded.name,
                item_class = excluded.item_class, valid_to = excluded.valid_to
            where national_catalog_entry.ver < excluded.ver""";
    private static final int[] UPSERT_TYPES = {Types.VARCHAR, Types.DATE, Types.BIGINT, Types.BOOLEAN, Types.VARCHAR,
            Types.VARCHAR, Types.DATE};

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    NationalCatalogStore(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    void apply(List<CatalogChanged.Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        batches.batchUpdate(UPSERT, entries.stream().map(e -> new Object[]{e.code(), e.validFrom(), e.ver(), e.removed(),
                e.removed() ? null : e.name(), e.removed() || e.itemClass() == null ? null : e.itemClass().name(),
                e.removed() ? null : e.validTo()}).toList(), UPSERT_TYPES);
    }

    /** Whether any entry (or removal) has been received. */
    boolean anyReceived() {
        return jdbc.sql("select exists (select 1 from national_catalog_entry)").query(Boolean.class).single();
    }

    /** The entries in force on a day, by code, for those of the codes the catalog lists that day. */
    Map<String, CatalogEntry> inForce(Collection<String> codes, LocalDate day) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                        select distinct on (code) code, valid_from, name, item_class, valid_to from national_catalog_entry
                        where code = any(?) and valid_from <= ? and not removed order by code, valid_from desc""")
                .params(codes.stream().distinct().toArray(String[]::new), day)
                .query((rs, n) -> new CatalogEntry(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getString(4) == null ? null : ItemClass.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class)))
                .list().stream()
                .filter(e -> e.holdsOn(day))
                .collect(Collectors.toMap(CatalogEntry::code, Function.identity()));
    }
}
