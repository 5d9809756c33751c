package org.yibao.supervision.nationalcatalog;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.events.CatalogChanged;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * All SQL of supervision's copy of the reimbursement catalog: tables national_catalog_entry (with the
 * tombstones of removed entries), national_catalog_level_ceiling and national_catalog_restriction. A part
 * of a change is written with set-based batches (a change of the national catalog is tens of thousands
 * of entries, 500 a part).
 */
@Repository
class NationalCatalogStore {

    /** Upserts an entry only over an older version of it: a replayed or older entry updates nothing. */
    private static final String UPSERT = """
            insert into national_catalog_entry (code, valid_from, ver, removed, name, item_class, valid_to, price_ceiling)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (code, valid_from) do update set ver = excluded.ver, removed = excluded.removed, name = excluded.name,
                item_class = excluded.item_class, valid_to = excluded.valid_to, price_ceiling = excluded.price_ceiling
            where national_catalog_entry.ver < excluded.ver""";
    private static final int[] UPSERT_TYPES = {Types.VARCHAR, Types.DATE, Types.BIGINT, Types.BOOLEAN, Types.VARCHAR,
            Types.VARCHAR, Types.DATE, Types.NUMERIC};
    private static final int[] KEY_TYPES = {Types.VARCHAR, Types.DATE};

    /** Per code, the latest entry (not removed) begun by a day: the one in force unless it ended before. */
    private static final String LATEST_BEGUN = """
            select distinct on (code) code, valid_from, name, item_class, valid_to, price_ceiling from national_catalog_entry
            where code = any(?) and valid_from <= ? and not removed order by code, valid_from desc""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    NationalCatalogStore(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /**
     * Writes the entries (at most one per key) where they are newer than what is held, and replaces the
     * level ceilings and restrictions of those that were; returns how many were.
     */
    int apply(List<CatalogChanged.Entry> entries) {
        if (entries.isEmpty()) {
            return 0;
        }
        List<Object[]> rows = entries.stream().map(e -> new Object[]{e.code(), e.validFrom(), e.ver(), e.removed(),
                e.removed() ? null : e.name(), e.removed() || e.itemClass() == null ? null : e.itemClass().name(),
                e.removed() ? null : e.validTo(),
                e.removed() || e.priceCeiling() == null ? null : e.priceCeiling().amount()}).toList();
        int[] counts = batches.batchUpdate(UPSERT, rows, UPSERT_TYPES);
        List<CatalogChanged.Entry> newer = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                newer.add(entries.get(i));
            }
        }
        if (newer.isEmpty()) {
            return 0;
        }
        List<Object[]> keys = newer.stream().map(e -> new Object[]{e.code(), e.validFrom()}).toList();
        batches.batchUpdate("delete from national_catalog_level_ceiling where code = ? and valid_from = ?", keys, KEY_TYPES);
        batches.batchUpdate("delete from national_catalog_restriction where code = ? and valid_from = ?", keys, KEY_TYPES);
        List<Object[]> ceilings = new ArrayList<>();
        List<Object[]> restrictions = new ArrayList<>();
        for (CatalogChanged.Entry e : newer) {
            if (e.removed()) {
                continue;
            }
            e.levelCeilings().forEach((level, ceiling) ->
                    ceilings.add(new Object[]{e.code(), e.validFrom(), level.name(), ceiling.amount()}));
            for (int position = 0; position < e.restrictions().size(); position++) {
                CatalogChanged.Restriction r = e.restrictions().get(position);
                // the contract requires a description; without one the condition is named by its kind rather than lost
                restrictions.add(new Object[]{e.code(), e.validFrom(), position + 1, r.kind(), r.parameter(),
                        r.description() == null ? r.kind() : r.description()});
            }
        }
        if (!ceilings.isEmpty()) {
            batches.batchUpdate("""
                            insert into national_catalog_level_ceiling (code, valid_from, level, price_ceiling) values (?, ?, ?, ?)""",
                    ceilings, new int[]{Types.VARCHAR, Types.DATE, Types.VARCHAR, Types.NUMERIC});
        }
        if (!restrictions.isEmpty()) {
            batches.batchUpdate("""
                            insert into national_catalog_restriction (code, valid_from, position, kind, parameter, description)
                            values (?, ?, ?, ?, ?, ?)""",
                    restrictions, new int[]{Types.VARCHAR, Types.DATE, Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR});
        }
        return newer.size();
    }

    /** The entries in force on a day, by code, for those of the codes the catalog lists that day. */
    Map<String, CatalogEntry> inForce(Collection<String> codes, LocalDate day) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        String[] asked = codes.stream().distinct().toArray(String[]::new);
        record Row(String code, LocalDate validFrom, String name, ItemClass itemClass, LocalDate validTo, BigDecimal ceiling) {
        }
        List<Row> latest = jdbc.sql(LATEST_BEGUN).params(asked, day)
                .query((rs, n) -> new Row(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getString(4) == null ? null : ItemClass.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class),
                        rs.getBigDecimal(6)))
                .list();
        Map<String, Map<InstitutionLevel, Money>> ceilings = new HashMap<>();
        jdbc.sql("with latest as (" + LATEST_BEGUN + """
                        ) select l.code, l.level, l.price_ceiling from national_catalog_level_ceiling l join latest using (code, valid_from)""")
                .params(asked, day)
                .query(rs -> {
                    ceilings.computeIfAbsent(rs.getString(1), k -> new EnumMap<>(InstitutionLevel.class))
                            .put(InstitutionLevel.valueOf(rs.getString(2)), Money.of(rs.getBigDecimal(3)));
                });
        Map<String, List<CatalogEntry.Restriction>> restrictions = new HashMap<>();
        jdbc.sql("with latest as (" + LATEST_BEGUN + """
                        ) select r.code, r.kind, r.parameter, r.description from national_catalog_restriction r
                        join latest using (code, valid_from) order by r.code, r.position""")
                .params(asked, day)
                .query(rs -> {
                    restrictions.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new CatalogEntry.Restriction(rs.getString(2), rs.getString(3), rs.getString(4)));
                });
        Map<String, CatalogEntry> inForce = new HashMap<>();
        for (Row r : latest) {
            CatalogEntry entry = new CatalogEntry(r.code(), r.validFrom(), r.name(), r.itemClass(), r.validTo(),
                    r.ceiling() == null ? null : Money.of(r.ceiling()), ceilings.getOrDefault(r.code(), Map.of()),
                    restrictions.getOrDefault(r.code(), List.of()));
            if (entry.holdsOn(day)) {
                inForce.put(r.code(), entry);
            }
        }
        return inForce;
    }
}
