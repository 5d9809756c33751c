package org.yibao.settlement.catalog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.events.ItemCategory;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.money.Money;

import org.yibao.contracts.events.InstitutionLevel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The reimbursement catalog (医保目录) as stored: its SQL. */
@Repository
public class CatalogStore {

    private final JdbcClient jdbc;

    public CatalogStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The catalog entries for these codes in force on a date: the latest entry begun by then, unless it
     * has ended (an earlier entry never comes back), with its ceilings by level and restrictions; codes
     * the catalog does not know on that date are simply absent.
     */
    public Map<String, CatalogItem> find(Collection<String> codes, LocalDate on) {
        Map<String, CatalogItem> found = new HashMap<>();
        if (codes.isEmpty()) {
            return found;
        }
        record Entry(String code, LocalDate validFrom, String name, ItemCategory category, ItemClass itemClass,
                     Optional<Money> ceiling, boolean vbp, Optional<BigDecimal> selfPay) {
        }
        // the latest entry begun by the date replaces every earlier one; if it has ended, the item is out of the catalog
        List<Entry> entries = jdbc.sql("""
                        select * from (
                            select distinct on (code) code, valid_from, name, category, item_class, price_ceiling, vbp,
                                   selfpay_prop, valid_to
                            from catalog_item where code = any(?) and valid_from <= ?
                            order by code, valid_from desc) latest
                        where valid_to is null or valid_to >= ?""")
                .params(codes.toArray(String[]::new), on, on)
                .query((rs, n) -> new Entry(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        ItemCategory.valueOf(rs.getString(4)), ItemClass.valueOf(rs.getString(5)),
                        Optional.ofNullable(rs.getBigDecimal(6)).map(Money::of), rs.getBoolean(7),
                        Optional.ofNullable(rs.getBigDecimal(8))))
                .list();
        if (entries.isEmpty()) {
            return found;
        }
        String[] entryCodes = entries.stream().map(Entry::code).toArray(String[]::new);
        String[] entryDates = entries.stream().map(e -> e.validFrom().toString()).toArray(String[]::new);
        Map<String, Map<InstitutionLevel, Money>> ceilings = new HashMap<>();
        jdbc.sql("""
                        select c.code, c.level, c.price_ceiling from catalog_level_ceiling c
                        join unnest(?::varchar[], ?::date[]) as e(code, valid_from) on e.code = c.code and e.valid_from = c.valid_from""")
                .params(entryCodes, entryDates)
                .query(rs -> {
                    ceilings.computeIfAbsent(rs.getString(1), k -> new EnumMap<>(InstitutionLevel.class))
                            .put(InstitutionLevel.valueOf(rs.getString(2)), Money.of(rs.getBigDecimal(3)));
                });
        Map<String, List<Restriction>> restrictions = new HashMap<>();
        jdbc.sql("""
                        select r.code, r.kind, r.parameter, r.description from catalog_restriction r
                        join unnest(?::varchar[], ?::date[]) as e(code, valid_from) on e.code = r.code and e.valid_from = r.valid_from
                        order by r.code, r.kind""")
                .params(entryCodes, entryDates)
                .query(rs -> {
                    restrictions.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Restriction(
                            Restriction.Kind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4)));
                });
        for (Entry e : entries) {
            found.put(e.code(), new CatalogItem(e.code(), e.name(), e.category(), e.itemClass(), e.ceiling(), e.vbp(), e.selfPay(),
                    ceilings.getOrDefault(e.code(), Map.of()), restrictions.getOrDefault(e.code(), List.of())));
        }
        return found;
    }

    /** What applying an import did to the catalog's entries. */
    public record Applied(long added, long changed, long removed) {
    }

    /** Begins an import in the current transaction: an empty staging table, dropped at its end. */
    void beginImport() {
        jdbc.sql("""
                create temp table if not exists catalog_import_stage (
                    line bigint not null, code varchar(50) not null, name varchar(200) not null, category varchar(20) not null,
                    item_class char(1) not null, valid_from date not null, valid_to date, withdrawn boolean not null)
                    on commit drop""").update();
        jdbc.sql("truncate catalog_import_stage").update();
    }

    /** Stages a chunk of read rows in one statement. */
    void stage(List<HilistRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into catalog_import_stage (line, code, name, category, item_class, valid_from, valid_to, withdrawn)
                        select * from unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::char[], ?::date[], ?::date[],
                            ?::boolean[])""")
                .params(rows.stream().map(HilistRow::line).toArray(Long[]::new),
                        rows.stream().map(HilistRow::code).toArray(String[]::new),
                        rows.stream().map(HilistRow::name).toArray(String[]::new),
                        rows.stream().map(r -> r.category().name()).toArray(String[]::new),
                        rows.stream().map(r -> r.itemClass().name()).toArray(String[]::new),
                        rows.stream().map(r -> r.validFrom().toString()).toArray(String[]::new),
                        rows.stream().map(r -> r.validTo().map(LocalDate::toString).orElse(null)).toArray(String[]::new),
                        rows.stream().map(r -> !r.valid()).toArray(Boolean[]::new))
                .update();
    }

    /** A staged row that repeats an earlier one's code and begin date. */
    record Repeated(long line, long earlierLine) {
    }

    /** How many staged rows repeat an earlier one's code and begin date, and the first {@code limit} of them. */
    long repeatedRows(int limit, List<Repeated> listed) {
        String repeated = """
                select line, first from (select line, min(line) over (partition by code, valid_from) as first
                                         from catalog_import_stage) s where line > first""";
        jdbc.sql(repeated + " order by line limit ?").param(limit)
                .query((rs, n) -> new Repeated(rs.getLong(1), rs.getLong(2))).list().forEach(listed::add);
        return jdbc.sql("select count(*) from (" + repeated + ") r").query(Long.class).single();
    }

    /**
     * Applies the staged entries. A withdrawn row (vali_flag 0) removes its entry. A new (code, begin
     * date) is added carrying what the file does not state (its general and per-level ceilings, VBP
     * flag, own self-pay ratio, restrictions) from the entry it follows; an entry whose name, category,
     * class or end date differs is changed (the rest kept); an equal one is left alone. Counted in the
     * database: nothing per entry comes back, so a million-row file costs no memory here.
     */
    Applied applyImport() {
        long removed = jdbc.sql("""
                        with removed as (delete from catalog_item c using catalog_import_stage s
                                         where s.withdrawn and c.code = s.code and c.valid_from = s.valid_from returning 1)
                        select count(*) from removed""").query(Long.class).single();
        jdbc.sql("drop table if exists catalog_import_new").update();
        jdbc.sql("""
                create temp table catalog_import_new on commit drop as
                select s.code, s.valid_from, p.valid_from as predecessor from catalog_import_stage s
                left join lateral (select c.valid_from from catalog_item c where c.code = s.code and c.valid_from < s.valid_from
                                   order by c.valid_from desc limit 1) p on true
                where not s.withdrawn
                  and not exists (select 1 from catalog_item c where c.code = s.code and c.valid_from = s.valid_from)""").update();
        Applied applied = jdbc.sql("""
                        with upserted as (
                            insert into catalog_item (code, name, category, item_class, valid_from, valid_to, price_ceiling, vbp,
                                selfpay_prop)
                            select s.code, s.name, s.category, s.item_class, s.valid_from, s.valid_to, p.price_ceiling,
                                   coalesce(p.vbp, false), p.selfpay_prop
                            from catalog_import_stage s
                            left join catalog_import_new n on n.code = s.code and n.valid_from = s.valid_from
                            left join catalog_item p on p.code = n.code and p.valid_from = n.predecessor
                            where not s.withdrawn
                            on conflict (code, valid_from) do update set name = excluded.name, category = excluded.category,
                                item_class = excluded.item_class, valid_to = excluded.valid_to
                            where (catalog_item.name, catalog_item.category, catalog_item.item_class, catalog_item.valid_to)
                                  is distinct from (excluded.name, excluded.category, excluded.item_class, excluded.valid_to)
                            returning (xmax = 0) as inserted)
                        select count(*) filter (where inserted), count(*) filter (where not inserted) from upserted""")
                .query((rs, n) -> new Applied(rs.getLong(1), rs.getLong(2), removed))
                .single();
        jdbc.sql("""
                insert into catalog_level_ceiling (code, valid_from, level, price_ceiling)
                select n.code, n.valid_from, l.level, l.price_ceiling from catalog_import_new n
                join catalog_level_ceiling l on l.code = n.code and l.valid_from = n.predecessor""").update();
        jdbc.sql("""
                insert into catalog_restriction (code, valid_from, kind, parameter, description)
                select n.code, n.valid_from, r.kind, r.parameter, r.description from catalog_import_new n
                join catalog_restriction r on r.code = n.code and r.valid_from = n.predecessor""").update();
        return applied;
    }

    /** One entry as it is distributed, with the version of its last change. */
    public record Entry(String code, String name, ItemCategory category, ItemClass itemClass, LocalDate validFrom,
                        LocalDate validTo, Money priceCeiling, boolean vbp, BigDecimal selfPayRatio, long ver) {
    }

    /** The entries changed after version {@code afterVer}, oldest change first, at most {@code limit}. */
    public List<Entry> changedAfter(long afterVer, int limit) {
        return jdbc.sql("""
                        select code, name, category, item_class, valid_from, valid_to, price_ceiling, vbp, selfpay_prop, ver
                        from catalog_item where ver > ? order by ver limit ?""")
                .params(afterVer, limit)
                .query((rs, n) -> new Entry(rs.getString(1), rs.getString(2), ItemCategory.valueOf(rs.getString(3)),
                        ItemClass.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
                        rs.getBigDecimal(7) == null ? null : Money.of(rs.getBigDecimal(7)), rs.getBoolean(8), rs.getBigDecimal(9),
                        rs.getLong(10)))
                .list();
    }
}
