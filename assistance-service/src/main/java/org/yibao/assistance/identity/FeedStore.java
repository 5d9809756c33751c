package org.yibao.assistance.identity;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.events.AssistanceCategory;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.ToLongFunction;

/**
 * All SQL of identity feeds and merged identities: the feed's life (RECEIVING, APPLIED, ABANDONED),
 * its staged rows, the source records and their history, and the merged identity per person.
 * Set-based statements over arrays and a streamed read keep a feed of millions of rows in flat
 * memory (ADR 0009), which is why this store uses {@link JdbcTemplate}.
 */
@Repository
public class FeedStore {

    private final JdbcTemplate jdbc;

    FeedStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A person's merged identity as computed from the source records in force, and as held before. */
    record Merge(String personId, String region, AssistanceCategory category, LocalDate from, LocalDate to,
                 String sources, boolean known, AssistanceCategory before, LocalDate beforeFrom, LocalDate beforeTo,
                 String beforeSources) {
    }

    /** The merged identity as a hospital or the bureau sees it. */
    record CurrentIdentity(AssistanceCategory category, String regionCode, LocalDate validFrom, LocalDate validTo,
                           String sources, Instant changedAt) {
    }

    /** One statement a department made about the person (append-only history). */
    record Statement(String source, String sourceRecordId, AssistanceCategory category, LocalDate validFrom,
                     LocalDate validTo, Instant statedAt) {
    }

    void open(UUID feedId, FeedService.Format format) {
        jdbc.update("insert into feed (feed_id, format, status) values (?, ?, 'RECEIVING')", feedId, format.name());
    }

    void abandon(UUID feedId) {
        jdbc.update("update feed set status = 'ABANDONED' where feed_id = ?", feedId);
        jdbc.update("delete from feed_row where feed_id = ?", feedId);
    }

    /** Stages a chunk of a feed's rows in one statement. */
    void stage(UUID feedId, List<FeedRow> chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        jdbc.update(con -> statement(con, """
                        insert into feed_row (feed_id, line, source, source_record_id, person_id, region_code, category,
                            valid_from, valid_to)
                        select ?::uuid, * from unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                            ?::varchar[], ?::date[], ?::date[])""",
                feedId,
                array(con, "bigint", chunk.stream().map(FeedRow::line).toArray()),
                array(con, "varchar", chunk.stream().map(FeedRow::source).toArray()),
                array(con, "varchar", chunk.stream().map(FeedRow::sourceRecordId).toArray()),
                array(con, "varchar", chunk.stream().map(FeedRow::personId).toArray()),
                array(con, "varchar", chunk.stream().map(FeedRow::regionCode).toArray()),
                array(con, "varchar", chunk.stream().map(r -> r.category().name()).toArray()),
                array(con, "date", chunk.stream().map(r -> Date.valueOf(r.validFrom())).toArray()),
                array(con, "date", chunk.stream().map(r -> r.validTo().map(Date::valueOf).orElse(null)).toArray())));
    }

    /**
     * Records what the staged feed changes (per source record, its last line in the feed, where it
     * differs from what is held) in its history and as the source's current record; returns how many
     * source records changed. The changed records stay in a temporary table for {@link #merge}.
     */
    int applySourceRecords(UUID feedId) {
        jdbc.update("""
                create temp table changed on commit drop as
                select distinct on (f.source, f.source_record_id) f.*, r.person_id as previous_person
                from feed_row f
                left join identity_record r on r.source = f.source and r.source_record_id = f.source_record_id
                where f.feed_id = ?
                  and (r.source is null or r.person_id <> f.person_id or r.category <> f.category
                       or r.valid_from <> f.valid_from or r.valid_to is distinct from f.valid_to
                       or r.region_code <> f.region_code)
                order by f.source, f.source_record_id, f.line desc""", feedId);
        jdbc.update("""
                insert into identity_statement (source, source_record_id, person_id, category, valid_from, valid_to, feed_id)
                select source, source_record_id, person_id, category, valid_from, valid_to, feed_id from changed
                order by line""");
        return jdbc.update("""
                insert into identity_record (source, source_record_id, person_id, region_code, category, valid_from,
                    valid_to, feed_id)
                select source, source_record_id, person_id, region_code, category, valid_from, valid_to, feed_id from changed
                on conflict (source, source_record_id) do update set person_id = excluded.person_id,
                    region_code = excluded.region_code, category = excluded.category, valid_from = excluded.valid_from,
                    valid_to = excluded.valid_to, feed_id = excluded.feed_id, updated_at = now()""");
    }

    void finish(UUID feedId, long rows, long rejected) {
        jdbc.update("delete from feed_row where feed_id = ?", feedId);
        jdbc.update("update feed set status = 'APPLIED', rows = ?, rejected = ?, applied_at = now() where feed_id = ?",
                rows, rejected, feedId);
    }

    /**
     * Streams the merge of every person the changed source records touch (the category of highest
     * priority in force on {@code today}) in batches of {@code batchSize}, handing each batch to
     * {@code onBatch}; returns the sum of what {@code onBatch} returned.
     */
    long merge(LocalDate today, int batchSize, ToLongFunction<List<Merge>> onBatch) {
        jdbc.update("""
                create temp table affected on commit drop as
                select person_id from changed union select previous_person from changed where previous_person is not null""");
        List<Merge> batch = new ArrayList<>();
        long[] sum = {0};
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    select a.person_id, coalesce(m.region_code, p.region_code, substr(a.person_id, 1, 6)), m.category,
                           m.valid_from, m.valid_to, coalesce(m.sources, ''),
                           p.person_id is not null, p.category, p.valid_from, p.valid_to, p.sources
                    from affected a
                    left join lateral (
                        select r.category, max(r.region_code) as region_code, min(r.valid_from) as valid_from,
                               case when bool_or(r.valid_to is null) then null else max(r.valid_to) end as valid_to,
                               string_agg(distinct r.source, ',' order by r.source) as sources
                        from identity_record r join category_priority c on c.category = r.category
                        where r.person_id = a.person_id and r.valid_from <= ? and (r.valid_to is null or r.valid_to >= ?)
                        group by r.category, c.rank order by c.rank limit 1) m on true
                    left join person_identity p on p.person_id = a.person_id""");
            ps.setDate(1, Date.valueOf(today));
            ps.setDate(2, Date.valueOf(today));
            ps.setFetchSize(batchSize);
            return ps;
        }, rs -> {
            batch.add(new Merge(rs.getString(1), rs.getString(2), category(rs.getString(3)), date(rs.getDate(4)),
                    date(rs.getDate(5)), rs.getString(6), rs.getBoolean(7), category(rs.getString(8)), date(rs.getDate(9)),
                    date(rs.getDate(10)), rs.getString(11)));
            if (batch.size() == batchSize) {
                sum[0] += onBatch.applyAsLong(List.copyOf(batch));
                batch.clear();
            }
        });
        sum[0] += onBatch.applyAsLong(List.copyOf(batch));
        return sum[0];
    }

    /** Stores merged identities (insert or replace) in one statement. */
    void saveIdentities(List<Merge> merged) {
        if (merged.isEmpty()) {
            return;
        }
        jdbc.update(con -> statement(con, """
                        insert into person_identity (person_id, region_code, category, valid_from, valid_to, sources)
                        select * from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::date[], ?::date[], ?::text[])
                        on conflict (person_id) do update set region_code = excluded.region_code, category = excluded.category,
                            valid_from = excluded.valid_from, valid_to = excluded.valid_to, sources = excluded.sources,
                            changed_at = now()""",
                array(con, "varchar", merged.stream().map(Merge::personId).toArray()),
                array(con, "varchar", merged.stream().map(Merge::region).toArray()),
                array(con, "varchar", merged.stream().map(m -> m.category() == null ? null : m.category().name()).toArray()),
                array(con, "date", merged.stream().map(m -> m.from() == null ? null : Date.valueOf(m.from())).toArray()),
                array(con, "date", merged.stream().map(m -> m.to() == null ? null : Date.valueOf(m.to())).toArray()),
                array(con, "text", merged.stream().map(Merge::sources).toArray())));
    }

    Optional<CurrentIdentity> current(String personId) {
        return jdbc.query("""
                        select category, region_code, valid_from, valid_to, sources, changed_at from person_identity
                        where person_id = ?""",
                (rs, n) -> new CurrentIdentity(category(rs.getString(1)), rs.getString(2), date(rs.getDate(3)),
                        date(rs.getDate(4)), rs.getString(5), instant(rs.getTimestamp(6))), personId).stream().findFirst();
    }

    List<Statement> statements(String personId) {
        return jdbc.query("""
                        select source, source_record_id, category, valid_from, valid_to, stated_at from identity_statement
                        where person_id = ? order by id""",
                (rs, n) -> new Statement(rs.getString(1), rs.getString(2), category(rs.getString(3)), date(rs.getDate(4)),
                        date(rs.getDate(5)), instant(rs.getTimestamp(6))), personId);
    }

    private static AssistanceCategory category(String name) {
        return name == null ? null : AssistanceCategory.valueOf(name);
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static PreparedStatement statement(Connection con, String sql, Object... params) throws SQLException {
        PreparedStatement ps = con.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            if (params[i] instanceof Array a) {
                ps.setArray(i + 1, a);
            } else {
                ps.setObject(i + 1, params[i]);
            }
        }
        return ps;
    }

    private static Array array(Connection con, String type, Object[] values) throws SQLException {
        return con.createArrayOf(type, values);
    }
}
