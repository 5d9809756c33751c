package org.yibao.supervision.nationalcatalog;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.events.CatalogChanged;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
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

    /**
     * The entries (not removed) of the codes, the latest begun first, each with its level ceilings (by level)
     * and its restrictions (by position) as arrays; an entry without any has null arrays.
     */
    private static final String HISTORIES = """
            select e.code, e.valid_from, e.name, e.item_class, e.valid_to, e.price_ceiling,
                l.levels, l.level_ceilings, r.kinds, r.parameters, r.descriptions
            from national_catalog_entry e
            left join lateral (select array_agg(c.level order by c.level) levels, array_agg(c.price_ceiling order by c.level) level_ceilings
                from national_catalog_level_ceiling c where c.code = e.code and c.valid_from = e.valid_from) l on true
            left join lateral (select array_agg(x.kind order by x.position) kinds, array_agg(x.parameter order by x.position) parameters,
                array_agg(x.description order by x.position) descriptions
                from national_catalog_restriction x where x.code = e.code and x.valid_from = e.valid_from) r on true
            where e.code = any(?) and not e.removed
            order by e.code, e.valid_from desc""";

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

    /**
     * Every entry that is not removed of each of the codes, with its level ceilings and its restrictions (in
     * their positions' order), the latest begun first, in one statement; a code the catalog does not list
     * has none.
     */
    Map<String, ItemHistory> histories(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        Map<String, List<CatalogEntry>> entries = new HashMap<>();
        codes.forEach(code -> entries.put(code, new ArrayList<>()));
        jdbc.sql(HISTORIES).param(codes.toArray(String[]::new)).query(rs -> {
            String code = rs.getString("code");
            Map<InstitutionLevel, Money> ceilings = new EnumMap<>(InstitutionLevel.class);
            String[] levels = strings(rs.getArray("levels"));
            Array levelCeilingArray = rs.getArray("level_ceilings");
            BigDecimal[] levelCeilings = levelCeilingArray == null ? new BigDecimal[0] : (BigDecimal[]) levelCeilingArray.getArray();
            for (int i = 0; i < levels.length; i++) {
                ceilings.put(InstitutionLevel.valueOf(levels[i]), Money.of(levelCeilings[i]));
            }
            List<CatalogEntry.Restriction> restrictions = new ArrayList<>();
            String[] kinds = strings(rs.getArray("kinds"));
            String[] parameters = strings(rs.getArray("parameters"));
            String[] descriptions = strings(rs.getArray("descriptions"));
            for (int i = 0; i < kinds.length; i++) {
                restrictions.add(new CatalogEntry.Restriction(kinds[i], parameters[i], descriptions[i]));
            }
            BigDecimal ceiling = rs.getBigDecimal("price_ceiling");
            entries.get(code).add(new CatalogEntry(code, rs.getObject("valid_from", LocalDate.class), rs.getString("name"),
                    rs.getString("item_class") == null ? null : ItemClass.valueOf(rs.getString("item_class")),
                    rs.getObject("valid_to", LocalDate.class), ceiling == null ? null : Money.of(ceiling), ceilings, restrictions));
        });
        Map<String, ItemHistory> histories = new HashMap<>();
        entries.forEach((code, newestFirst) -> histories.put(code, new ItemHistory(newestFirst)));
        return histories;
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }
}
