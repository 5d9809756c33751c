package org.yibao.settlement.catalog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.ItemCategory;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.money.Money;

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
     * the catalog does not know on that date are simply absent. Reads the database every time (settlement
     * reads through {@link CatalogCache}).
     */
    public Map<String, CatalogItem> find(Collection<String> codes, LocalDate on) {
        return inForce(entriesOf(codes), on);
    }

    /** An entry of the catalog from its begin date, as stored. */
    public record Dated(LocalDate validFrom, Optional<LocalDate> validTo, CatalogItem item) {
    }

    /**
     * Of each code's entries, the one in force on a date: the latest begun by then, unless it has ended
     * (an earlier entry never comes back); codes with none are left out.
     *
     * @param entries every entry of each code, in any order
     */
    public static Map<String, CatalogItem> inForce(Map<String, List<Dated>> entries, LocalDate on) {
        Map<String, CatalogItem> found = new HashMap<>();
        entries.forEach((code, dated) -> {
            Dated latest = null;
            for (Dated d : dated) {
                if (!d.validFrom().isAfter(on) && (latest == null || d.validFrom().isAfter(latest.validFrom()))) {
                    latest = d;
                }
            }
            if (latest != null && latest.validTo().map(to -> !to.isBefore(on)).orElse(true)) {
                found.put(code, latest.item());
            }
        });
        return found;
    }

    /**
     * Every entry of these codes (each begin date), with its ceilings by level and restrictions, in three
     * statements; a code the catalog does not know maps to an empty list.
     */
    public Map<String, List<Dated>> entriesOf(Collection<String> codes) {
        Map<String, List<Dated>> all = new HashMap<>();
        codes.forEach(code -> all.put(code, new ArrayList<>()));
        if (codes.isEmpty()) {
            return all;
        }
        String[] asked = codes.toArray(String[]::new);
        record Row(String code, LocalDate validFrom, String name, ItemCategory category, ItemClass itemClass,
                   Optional<Money> ceiling, boolean vbp, Optional<BigDecimal> selfPay, Optional<LocalDate> validTo) {
        }
        List<Row> rows = jdbc.sql("""
                        select code, valid_from, name, category, item_class, price_ceiling, vbp, selfpay_prop, valid_to
                        from catalog_item where code = any(?)""")
                .param(asked)
                .query((rs, n) -> new Row(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        ItemCategory.valueOf(rs.getString(4)), ItemClass.valueOf(rs.getString(5)),
                        Optional.ofNullable(rs.getBigDecimal(6)).map(Money::of), rs.getBoolean(7),
                        Optional.ofNullable(rs.getBigDecimal(8)), Optional.ofNullable(rs.getObject(9, LocalDate.class))))
                .list();
        if (rows.isEmpty()) {
            return all;
        }
        Terms terms = terms(rows.stream().map(Row::code).toList(), rows.stream().map(Row::validFrom).toList());
        for (Row r : rows) {
            all.get(r.code()).add(new Dated(r.validFrom(), r.validTo(), new CatalogItem(r.code(), r.name(), r.category(),
                    r.itemClass(), r.ceiling(), r.vbp(), r.selfPay(), terms.ceilings(r.code(), r.validFrom()),
                    terms.restrictions(r.code(), r.validFrom()))));
        }
        return all;
    }

    /** The level ceilings and restrictions of some entries, by (code, begin date). */
    private record Terms(Map<String, Map<InstitutionLevel, Money>> byLevel, Map<String, List<Restriction>> conditions) {

        Map<InstitutionLevel, Money> ceilings(String code, LocalDate validFrom) {
            return byLevel.getOrDefault(code + "@" + validFrom, Map.of());
        }

        List<Restriction> restrictions(String code, LocalDate validFrom) {
            return conditions.getOrDefault(code + "@" + validFrom, List.of());
        }
    }

    /** Reads the terms of the entries (code i, begin date i) in two statements. */
    private Terms terms(List<String> codes, List<LocalDate> validFroms) {
        String[] entryCodes = codes.toArray(String[]::new);
        String[] entryDates = validFroms.stream().map(LocalDate::toString).toArray(String[]::new);
        Map<String, Map<InstitutionLevel, Money>> ceilings = new HashMap<>();
        jdbc.sql("""
                        select c.code || '@' || c.valid_from, c.level, c.price_ceiling from catalog_level_ceiling c
                        join unnest(?::varchar[], ?::date[]) as e(code, valid_from) on e.code = c.code and e.valid_from = c.valid_from""")
                .params(entryCodes, entryDates)
                .query(rs -> {
                    ceilings.computeIfAbsent(rs.getString(1), k -> new EnumMap<>(InstitutionLevel.class))
                            .put(InstitutionLevel.valueOf(rs.getString(2)), Money.of(rs.getBigDecimal(3)));
                });
        Map<String, List<Restriction>> restrictions = new HashMap<>();
        jdbc.sql("""
                        select r.code || '@' || r.valid_from, r.kind, r.parameter, r.description from catalog_restriction r
                        join unnest(?::varchar[], ?::date[]) as e(code, valid_from) on e.code = r.code and e.valid_from = r.valid_from
                        order by 1, r.kind""")
                .params(entryCodes, entryDates)
                .query(rs -> {
                    restrictions.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Restriction(
                            Restriction.Kind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4)));
                });
        return new Terms(ceilings, restrictions);
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
        long before = latestVer();   // the catalog's lock is held: what moves after this is this import's
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
                            insert into catalog_item (code, name, category, item_class, valid_from, valid_to, stated_to, price_ceiling,
                                vbp, selfpay_prop)
                            select s.code, s.name, s.category, s.item_class, s.valid_from, s.valid_to, s.valid_to, p.price_ceiling,
                                   coalesce(p.vbp, false), p.selfpay_prop
                            from catalog_import_stage s
                            left join catalog_import_new n on n.code = s.code and n.valid_from = s.valid_from
                            left join catalog_item p on p.code = n.code and p.valid_from = n.predecessor
                            where not s.withdrawn
                            on conflict (code, valid_from) do update set name = excluded.name, category = excluded.category,
                                item_class = excluded.item_class, stated_to = excluded.stated_to, valid_to = excluded.stated_to,
                                origin = 'FILE'
                            where (catalog_item.name, catalog_item.category, catalog_item.item_class, catalog_item.stated_to,
                                   catalog_item.origin)
                                  is distinct from (excluded.name, excluded.category, excluded.item_class, excluded.stated_to, 'FILE')
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
        // only the codes this import changed can need their continuations or end dates redone (a file applied again: none)
        String changed = "select code from catalog_item where ver > " + before + " union select code from catalog_removed where ver > " + before;
        followFileEntries(changed);
        endFollowed(changed);
        return applied;
    }

    /** Begins an import of terms (ceilings, ratios, restrictions) in the current transaction. */
    void beginTermImport() {
        jdbc.sql("""
                create temp table if not exists catalog_term_stage (
                    line bigint not null, kind varchar(12) not null, code varchar(50) not null, valid_from date not null,
                    level varchar(20), amount numeric(16, 4), restriction_kind varchar(20), parameter varchar(200),
                    description varchar(200), withdrawn boolean not null, derived boolean not null default false)
                    on commit drop""").update();
        jdbc.sql("truncate catalog_term_stage").update();
    }

    void stageTerms(List<TermRow> rows) {
        jdbc.sql("""
                        insert into catalog_term_stage (line, kind, code, valid_from, level, amount, restriction_kind, parameter,
                            description, withdrawn)
                        select * from unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::date[], ?::varchar[], ?::numeric[],
                            ?::varchar[], ?::varchar[], ?::varchar[], ?::boolean[])""")
                .params(rows.stream().map(TermRow::line).toArray(Long[]::new),
                        rows.stream().map(r -> r.kind().name()).toArray(String[]::new),
                        rows.stream().map(TermRow::code).toArray(String[]::new),
                        rows.stream().map(r -> r.validFrom().toString()).toArray(String[]::new),
                        rows.stream().map(r -> r.level().map(Enum::name).orElse(null)).toArray(String[]::new),
                        rows.stream().map(TermRow::amount).toArray(BigDecimal[]::new),
                        rows.stream().map(r -> r.restriction().map(x -> x.kind().name()).orElse(null)).toArray(String[]::new),
                        rows.stream().map(r -> r.restriction().map(Restriction::parameter).orElse(null)).toArray(String[]::new),
                        rows.stream().map(r -> r.restriction().map(Restriction::description).orElse(null)).toArray(String[]::new),
                        rows.stream().map(r -> !r.valid()).toArray(Boolean[]::new))
                .update();
    }

    /**
     * Entries a term file began (origin TERM) continue the file's entry before them: they take its
     * name, category, class and stated end again after an item import changed it, and go when it went
     * (withdrawn, or ended before they begin).
     */
    private void followFileEntries(String codes) {
        jdbc.sql("""
                delete from catalog_item t
                where t.origin = 'TERM' and t.code in (%s)
                  and not exists (select 1 from (select b.stated_to from catalog_item b
                                                 where b.code = t.code and b.origin = 'FILE' and b.valid_from < t.valid_from
                                                 order by b.valid_from desc limit 1) base
                                  where base.stated_to is null or base.stated_to >= t.valid_from)""".formatted(codes)).update();
        jdbc.sql("""
                with base as (
                    select t.code, t.valid_from, b.name, b.category, b.item_class, b.stated_to
                    from catalog_item t
                    join lateral (select b.name, b.category, b.item_class, b.stated_to from catalog_item b
                                  where b.code = t.code and b.origin = 'FILE' and b.valid_from < t.valid_from
                                  order by b.valid_from desc limit 1) b on true
                    where t.origin = 'TERM' and t.code in (%s))
                update catalog_item t set name = base.name, category = base.category, item_class = base.item_class,
                    stated_to = base.stated_to, valid_to = base.stated_to
                from base
                where t.code = base.code and t.valid_from = base.valid_from
                  and (t.name, t.category, t.item_class, t.stated_to) is distinct from (base.name, base.category, base.item_class, base.stated_to)"""
                        .formatted(codes))
                .update();
    }

    /**
     * Dates the ends of these codes' entries as the national catalog does: an entry ends on the day
     * before the next entry of its code begins, or on its own stated end if that comes first (or if
     * none follows: so an entry whose successor was removed gets its own end back). Entries already so
     * are left alone (their version does not move).
     *
     * @param codes a query giving the codes
     */
    private void endFollowed(String codes) {
        jdbc.sql("""
                with dated as (select code from catalog_item where code in (%s)
                               group by code having count(*) > 1 or bool_or(valid_to is distinct from stated_to)),
                     following as (select code, valid_from, lead(valid_from) over (partition by code order by valid_from) as next_from
                                   from catalog_item where code in (select code from dated)),
                     ends as (select c.code, c.valid_from,
                                     case when f.next_from is null then c.stated_to
                                          when c.stated_to is null or c.stated_to >= f.next_from then f.next_from - 1
                                          else c.stated_to end as valid_to
                              from catalog_item c join following f on f.code = c.code and f.valid_from = c.valid_from)
                update catalog_item c set valid_to = e.valid_to from ends e
                where c.code = e.code and c.valid_from = e.valid_from and c.valid_to is distinct from e.valid_to""".formatted(codes))
                .update();
    }

    /** A staged term row the catalog cannot take, and why. */
    record Unfit(long line, String field, String reason) {
    }

    /**
     * The staged term rows that cannot be applied: a code with no entry in force on the row's date, or a
     * row repeating an earlier one's term (the same code, date and ceiling level, or restriction kind).
     */
    long unfitTerms(int limit, List<Unfit> listed) {
        String unfit = """
                select s.line, 'hilist_code' as field, 'has no catalog entry in force on ' || s.valid_from as reason
                from catalog_term_stage s
                where not exists (select 1 from (select c.valid_to from catalog_item c where c.code = s.code and c.valid_from <= s.valid_from
                                                 order by c.valid_from desc limit 1) e where e.valid_to is null or e.valid_to >= s.valid_from)
                union all
                select line, 'begndate', 'repeats line ' || first || ' (the same hilist_code, begndate and term)' from (
                    select line, min(line) over (partition by code, valid_from, kind, coalesce(level, ''), coalesce(restriction_kind, '')) as first
                    from catalog_term_stage) r where line > first
                union all
                select line, 'kind', 'NONE cannot stand beside another condition of the same hilist_code and begndate' from (
                    select line, restriction_kind, count(*) over (partition by code, valid_from) as n from catalog_term_stage
                    where kind = 'RESTRICTION') r where restriction_kind is null and n > 1""";
        jdbc.sql(unfit + " order by 1 limit ?").param(limit)
                .query((rs, n) -> new Unfit(rs.getLong(1), rs.getString(2), rs.getString(3))).list().forEach(listed::add);
        return jdbc.sql("select count(*) from (" + unfit + ") u").query(Long.class).single();
    }

    /**
     * Applies the staged terms: where the entry in force on a row's date began earlier, a new entry
     * begins on that date carrying everything of it; then each entry takes its ceilings, ratios and
     * restrictions (written only where they differ, so a file applied again changes nothing).
     */
    Applied applyTerms() {
        jdbc.sql("drop table if exists catalog_term_split").update();
        jdbc.sql("""
                create temp table catalog_term_split on commit drop as
                select d.code, d.valid_from, p.valid_from as predecessor
                from (select distinct code, valid_from from catalog_term_stage) d
                join lateral (select c.valid_from from catalog_item c where c.code = d.code and c.valid_from < d.valid_from
                              order by c.valid_from desc limit 1) p on true
                where not exists (select 1 from catalog_item c where c.code = d.code and c.valid_from = d.valid_from)""").update();
        long added = jdbc.sql("""
                insert into catalog_item (code, name, category, item_class, valid_from, valid_to, stated_to, price_ceiling, vbp,
                    selfpay_prop, origin)
                select e.code, e.name, e.category, e.item_class, n.valid_from, e.stated_to, e.stated_to, e.price_ceiling, e.vbp,
                       e.selfpay_prop, 'TERM'
                from catalog_term_split n join catalog_item e on e.code = n.code and e.valid_from = n.predecessor""").update();
        // the new entries carry the level ceilings and restrictions of the entry they follow
        jdbc.sql("""
                insert into catalog_level_ceiling (code, valid_from, level, price_ceiling)
                select n.code, n.valid_from, l.level, l.price_ceiling from catalog_term_split n
                join catalog_level_ceiling l on l.code = n.code and l.valid_from = n.predecessor""").update();
        jdbc.sql("""
                insert into catalog_restriction (code, valid_from, kind, parameter, description)
                select n.code, n.valid_from, r.kind, r.parameter, r.description from catalog_term_split n
                join catalog_restriction r on r.code = n.code and r.valid_from = n.predecessor""").update();
        endFollowed("select code from catalog_term_split");
        // a term holds from its date on: the entries that begin later take it too, up to the next one that states its own
        // (in this file, or stated by an earlier one)
        jdbc.sql("""
                insert into catalog_term_stage (line, kind, code, valid_from, level, amount, restriction_kind, parameter, description, withdrawn,
                    derived)
                select s.line, s.kind, s.code, e.valid_from, s.level, s.amount, s.restriction_kind, s.parameter, s.description, s.withdrawn, true
                from catalog_term_stage s
                join catalog_item e on e.code = s.code and e.valid_from > s.valid_from
                where not exists (select 1 from catalog_term_stage n
                                  where n.code = s.code and n.kind = s.kind and (s.kind = 'RESTRICTION' or n.level is not distinct from s.level)
                                    and n.valid_from > s.valid_from and n.valid_from <= e.valid_from)
                  and not exists (select 1 from catalog_term_set t
                                  where t.code = s.code and t.term = s.kind || coalesce(':' || s.level, '')
                                    and t.valid_from > s.valid_from and t.valid_from <= e.valid_from)""").update();
        jdbc.sql("""
                insert into catalog_term_set (code, valid_from, term)
                select distinct code, valid_from, kind || coalesce(':' || level, '') from catalog_term_stage where not derived
                on conflict do nothing""").update();
        long changed = 0;
        changed += jdbc.sql("""
                update catalog_item c set price_ceiling = case when s.withdrawn then null else s.amount end
                from catalog_term_stage s
                where s.kind = 'CEILING' and s.level is null and c.code = s.code and c.valid_from = s.valid_from
                  and c.price_ceiling is distinct from case when s.withdrawn then null else s.amount end""").update();
        changed += jdbc.sql("""
                update catalog_item c set selfpay_prop = case when s.withdrawn then null else s.amount end
                from catalog_term_stage s
                where s.kind = 'RATIO' and c.code = s.code and c.valid_from = s.valid_from
                  and c.selfpay_prop is distinct from case when s.withdrawn then null else s.amount end""").update();
        changed += jdbc.sql("""
                delete from catalog_level_ceiling l using catalog_term_stage s
                where s.kind = 'CEILING' and s.withdrawn and l.code = s.code and l.valid_from = s.valid_from and l.level = s.level""").update();
        changed += jdbc.sql("""
                insert into catalog_level_ceiling (code, valid_from, level, price_ceiling)
                select code, valid_from, level, amount from catalog_term_stage
                where kind = 'CEILING' and level is not null and not withdrawn
                on conflict (code, valid_from, level) do update set price_ceiling = excluded.price_ceiling
                where catalog_level_ceiling.price_ceiling <> excluded.price_ceiling""").update();
        // a code and date's restriction rows are the entry's whole set of conditions
        changed += jdbc.sql("""
                delete from catalog_restriction r
                where exists (select 1 from catalog_term_stage s where s.kind = 'RESTRICTION' and s.code = r.code and s.valid_from = r.valid_from)
                  and not exists (select 1 from catalog_term_stage s where s.kind = 'RESTRICTION' and s.code = r.code
                                  and s.valid_from = r.valid_from and s.restriction_kind = r.kind and not s.withdrawn)""").update();
        changed += jdbc.sql("""
                insert into catalog_restriction (code, valid_from, kind, parameter, description)
                select code, valid_from, restriction_kind, parameter, description from catalog_term_stage
                where kind = 'RESTRICTION' and restriction_kind is not null and not withdrawn
                on conflict (code, valid_from, kind) do update set parameter = excluded.parameter, description = excluded.description
                where (catalog_restriction.parameter, catalog_restriction.description)
                      is distinct from (excluded.parameter, excluded.description)""").update();
        return new Applied(added, changed, 0);
    }

    /**
     * One change of the catalog as it is distributed and published: an entry as it now stands, with the
     * version of its last change, or (removed) the tombstone of a removed entry, whose other fields are null.
     *
     * @param priceCeiling   yuan per unit, null when none
     * @param levelCeilings  ceilings at the levels where they differ from {@code priceCeiling}
     * @param selfPayRatio   the item's own prior self-pay ratio (0-1), null: the pack's
     */
    public record Entry(String code, LocalDate validFrom, long ver, boolean removed, String name, ItemCategory category,
                        ItemClass itemClass, LocalDate validTo, Money priceCeiling, Map<InstitutionLevel, Money> levelCeilings,
                        BigDecimal selfPayRatio, boolean vbp, List<Restriction> restrictions) {
    }

    /**
     * The catalog's changes after version {@code afterVer}, oldest first, at most {@code limit}: entries
     * written and entries removed (a removed entry that was added again comes twice, removal first).
     */
    public List<Entry> changedAfter(long afterVer, int limit) {
        return changedAfter(afterVer, Optional.empty(), limit);
    }

    /** The same, of one category only (a removal counts by the category its entry had). */
    public List<Entry> changedAfter(long afterVer, Optional<ItemCategory> category, int limit) {
        // two texts rather than "? is null or", whose generic plan need not walk the version index
        String kind = category.isPresent() ? " and category = ?" : "";
        List<Object> params = new ArrayList<>();
        params.add(afterVer);
        category.ifPresent(c -> params.add(c.name()));
        params.add(limit);
        params.add(afterVer);
        category.ifPresent(c -> params.add(c.name()));
        params.add(limit);
        params.add(limit);
        // each side limited along its own version index; one "order by ... limit" over the union sorted every later entry
        List<Entry> changes = new ArrayList<>(jdbc.sql("""
                        (select code, valid_from, ver, false, name, category, item_class, valid_to, price_ceiling, selfpay_prop, vbp
                         from catalog_item where ver > ?%1$s order by ver limit ?)
                        union all
                        (select code, valid_from, ver, true, null, category, null, null, null, null, false
                         from catalog_removed where ver > ?%1$s order by ver limit ?)
                        order by 3 limit ?""".formatted(kind))
                .params(params)
                .query((rs, n) -> new Entry(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getLong(3), rs.getBoolean(4),
                        rs.getString(5), rs.getString(6) == null ? null : ItemCategory.valueOf(rs.getString(6)),
                        rs.getString(7) == null ? null : ItemClass.valueOf(rs.getString(7)), rs.getObject(8, LocalDate.class),
                        rs.getBigDecimal(9) == null ? null : Money.of(rs.getBigDecimal(9)), Map.of(), rs.getBigDecimal(10),
                        rs.getBoolean(11), List.of()))
                .list());
        List<Entry> live = changes.stream().filter(e -> !e.removed()).toList();
        if (live.isEmpty()) {
            return changes;
        }
        Terms terms = terms(live.stream().map(Entry::code).toList(), live.stream().map(Entry::validFrom).toList());
        return changes.stream().map(e -> {
            if (e.removed()) {
                return e;
            }
            return new Entry(e.code(), e.validFrom(), e.ver(), false, e.name(), e.category(), e.itemClass(), e.validTo(),
                    e.priceCeiling(), terms.ceilings(e.code(), e.validFrom()), e.selfPayRatio(), e.vbp(),
                    terms.restrictions(e.code(), e.validFrom()));
        }).toList();
    }

    /**
     * Serialises the catalog's writers and its publication for the rest of the transaction: while one
     * holds it, no other writes an entry, so versions become visible in order (a caller following the
     * catalog by version never skips one that commits later).
     */
    void lockForChange() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('settlement.catalog'))").query(Object.class).single();
    }

    /** The version up to which the catalog has been published, locked until the transaction ends. */
    long publishedUpTo() {
        return jdbc.sql("select published from catalog_publication where id = 1 for update").query(Long.class).single();
    }

    /** The catalog's latest version, written or removed (0: none). */
    long latestVer() {
        return jdbc.sql("select greatest((select max(ver) from catalog_item), (select max(ver) from catalog_removed), 0)")
                .query(Long.class).single();
    }

    /** How many changes (entries and removals) there are after a version. */
    long countChangedAfter(long afterVer) {
        return jdbc.sql("select (select count(*) from catalog_item where ver > ?) + (select count(*) from catalog_removed where ver > ?)")
                .params(afterVer, afterVer).query(Long.class).single();
    }

    void markPublished(long ver) {
        jdbc.sql("update catalog_publication set published = ? where id = 1").param(ver).update();
    }
}
