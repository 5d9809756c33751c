package org.yibao.assistance.identity;

import org.yibao.web.csv.CsvRow;
import org.yibao.web.text.TextUpload;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.AssistanceIdentityChanged;
import org.yibao.messaging.outbox.OutboxWriter;
import org.yibao.web.problem.InvalidRequestException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Ingests identity feeds and merges them (汇总剔重). A feed is read as a stream and staged a chunk at a
 * time; only when the whole feed has arrived is it applied, in one transaction: the source records
 * that changed are recorded (with their history), each affected person's identity is merged anew by
 * the documented category priority, and a real change of a person's identity (category or period) is
 * announced once through the outbox. A feed cut off half-way is abandoned and changes nothing; the
 * same feed sent again changes nothing either.
 */
@Service
public class FeedService {

    public enum Format { CSV, JSONL, PUSH }

    static final int CHUNK = 5_000;
    static final int LISTED_REJECTIONS = 1_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final OutboxWriter outbox;
    private final FeedParser parser;
    private final MeterRegistry meters;
    private final Clock clock;

    FeedService(JdbcTemplate jdbc, TransactionTemplate transactions, OutboxWriter outbox, JsonMapper json,
                MeterRegistry meters, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.outbox = outbox;
        this.parser = new FeedParser(json);
        this.meters = meters;
        this.clock = clock;
    }

    /** Ingests a whole file (CSV with a header, or JSON lines). */
    public FeedReport ingest(InputStream body, Format format) {
        return ingest(body, format, null, null);
    }

    /**
     * A feed sent by a department's client: rows stating another department's records are
     * rejected (each named in the report), never applied.
     *
     * @param department the only source the rows may name; null when bureau staff send a feed for any department
     */
    public FeedReport ingest(InputStream body, Format format, String department, String contentType) {
        UUID feedId = UUID.randomUUID();
        jdbc.update("insert into feed (feed_id, format, status) values (?, ?, 'RECEIVING')", feedId, format.name());
        long rows = 0;
        long rejected = 0;
        List<FeedReport.RowError> listed = new ArrayList<>();
        try (TextUpload in = TextUpload.open(body, contentType)) {
            long line = 0;
            if (format == Format.CSV) {
                String header = in.header();
                line++;
                List<String> columns = header == null ? List.of() : java.util.Arrays.asList(java.util.Objects.requireNonNullElse(CsvRow.cells(header.replace("\uFEFF", "").trim()), new String[0]));
                if (!columns.equals(FeedParser.CSV_COLUMNS) && !columns.equals(FeedParser.CSV_COLUMNS.subList(0, 6))) {
                    abandon(feedId);
                    throw new InvalidRequestException("header", "must be " + String.join(",", FeedParser.CSV_COLUMNS)
                            + " (regionCode may be left out)");
                }
            }
            List<FeedRow> chunk = new ArrayList<>(CHUNK);
            for (TextUpload.Line read = in.next(); read != null; read = in.next()) {
                line++;
                if (!read.readable()) {
                    rows++;
                    rejected++;
                    if (listed.size() < LISTED_REJECTIONS) {
                        listed.add(new FeedReport.RowError(line, "(row)", read.problem()));
                    }
                    continue;
                }
                String text = read.text();
                if (text.isBlank()) {
                    continue;
                }
                rows++;
                FeedParser.Parsed parsed = format == Format.CSV ? parser.csv(line, text) : parser.jsonLine(line, text);
                if (parsed.error() == null && department != null && !parsed.row().source().equals(department)) {
                    parsed = FeedParser.Parsed.bad(line, "source", "is " + parsed.row().source()
                            + " but this client supplies only " + department + " records");
                }
                if (parsed.error() != null) {
                    rejected++;
                    if (listed.size() < LISTED_REJECTIONS) {
                        listed.add(parsed.error());
                    }
                    continue;
                }
                chunk.add(parsed.row());
                if (chunk.size() == CHUNK) {
                    stage(feedId, chunk);
                    chunk.clear();
                }
            }
            stage(feedId, chunk);
        } catch (IOException | UncheckedIOException e) {
            abandon(feedId);
            throw new InvalidRequestException("file", "was cut off before its end; nothing of it was applied, send it again");
        } catch (RuntimeException e) {
            abandon(feedId);
            throw e;
        }
        long finalRows = rows;
        long finalRejected = rejected;
        return transactions.execute(status -> apply(feedId, finalRows, finalRejected, listed));
    }

    /** A single record pushed by a department's system: a feed of one row. */
    public FeedReport push(FeedRow row) {
        UUID feedId = UUID.randomUUID();
        jdbc.update("insert into feed (feed_id, format, status) values (?, 'PUSH', 'RECEIVING')", feedId);
        stage(feedId, List.of(row));
        return transactions.execute(status -> apply(feedId, 1, 0, List.of()));
    }

    FeedParser parser() {
        return parser;
    }

    private void abandon(UUID feedId) {
        jdbc.update("update feed set status = 'ABANDONED' where feed_id = ?", feedId);
        jdbc.update("delete from feed_row where feed_id = ?", feedId);
        meters.counter("yibao.assistance.feeds", "outcome", "abandoned").increment();
    }

    private void stage(UUID feedId, List<FeedRow> chunk) {
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

    /** The one transaction that applies a fully received feed. */
    private FeedReport apply(UUID feedId, long rows, long rejected, List<FeedReport.RowError> listed) {
        // what the feed changes: per source record, its last line in the feed, if it differs from what is held
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
        int changedRecords = jdbc.update("""
                insert into identity_record (source, source_record_id, person_id, region_code, category, valid_from,
                    valid_to, feed_id)
                select source, source_record_id, person_id, region_code, category, valid_from, valid_to, feed_id from changed
                on conflict (source, source_record_id) do update set person_id = excluded.person_id,
                    region_code = excluded.region_code, category = excluded.category, valid_from = excluded.valid_from,
                    valid_to = excluded.valid_to, feed_id = excluded.feed_id, updated_at = now()""");
        long identitiesChanged = merge(LocalDate.now(clock));
        jdbc.update("delete from feed_row where feed_id = ?", feedId);
        jdbc.update("update feed set status = 'APPLIED', rows = ?, rejected = ?, applied_at = now() where feed_id = ?",
                rows, rejected, feedId);
        meters.counter("yibao.assistance.feeds", "outcome", "applied").increment();
        meters.counter("yibao.assistance.feed.rows", "outcome", "rejected").increment(rejected);
        meters.counter("yibao.assistance.identity.changes").increment(identitiesChanged);
        return new FeedReport(feedId, rows, rejected, changedRecords, identitiesChanged, listed);
    }

    /** A person's merged identity as computed, and as held before. */
    private record Merge(String personId, String region, AssistanceCategory category, LocalDate from, LocalDate to,
                         String sources, boolean known, AssistanceCategory before, LocalDate beforeFrom, LocalDate beforeTo,
                         String beforeSources) {

        boolean identityChanged() {
            return !known ? category != null
                    : before != category || !Objects.equals(beforeFrom, from) || !Objects.equals(beforeTo, to);
        }
    }

    /** Merges every person the changed records touch; returns how many identities really changed. */
    private long merge(LocalDate today) {
        jdbc.update("""
                create temp table affected on commit drop as
                select person_id from changed union select previous_person from changed where previous_person is not null""");
        List<Merge> batch = new ArrayList<>();
        long[] changed = {0};
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
            ps.setFetchSize(CHUNK);
            return ps;
        }, rs -> {
            batch.add(new Merge(rs.getString(1), rs.getString(2), category(rs.getString(3)), date(rs.getDate(4)),
                    date(rs.getDate(5)), rs.getString(6), rs.getBoolean(7), category(rs.getString(8)), date(rs.getDate(9)),
                    date(rs.getDate(10)), rs.getString(11)));
            if (batch.size() == CHUNK) {
                changed[0] += write(batch);
                batch.clear();
            }
        });
        changed[0] += write(batch);
        return changed[0];
    }

    private long write(List<Merge> batch) {
        List<Merge> toStore = batch.stream()
                .filter(m -> m.identityChanged() || (m.known() && !Objects.equals(m.beforeSources(), m.sources())))
                .toList();
        if (toStore.isEmpty()) {
            return 0;
        }
        jdbc.update(con -> statement(con, """
                        insert into person_identity (person_id, region_code, category, valid_from, valid_to, sources)
                        select * from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::date[], ?::date[], ?::text[])
                        on conflict (person_id) do update set region_code = excluded.region_code, category = excluded.category,
                            valid_from = excluded.valid_from, valid_to = excluded.valid_to, sources = excluded.sources,
                            changed_at = now()""",
                array(con, "varchar", toStore.stream().map(Merge::personId).toArray()),
                array(con, "varchar", toStore.stream().map(Merge::region).toArray()),
                array(con, "varchar", toStore.stream().map(m -> m.category() == null ? null : m.category().name()).toArray()),
                array(con, "date", toStore.stream().map(m -> m.from() == null ? null : Date.valueOf(m.from())).toArray()),
                array(con, "date", toStore.stream().map(m -> m.to() == null ? null : Date.valueOf(m.to())).toArray()),
                array(con, "text", toStore.stream().map(Merge::sources).toArray())));
        List<AssistanceIdentityChanged> events = toStore.stream().filter(Merge::identityChanged)
                .map(m -> new AssistanceIdentityChanged(m.personId(), m.region(), m.before(), m.category(), m.from(), m.to(),
                        m.sources().isEmpty() ? List.of() : Arrays.asList(m.sources().split(",")), clock.instant()))
                .toList();
        outbox.appendAll(events);
        return events.size();
    }

    private static AssistanceCategory category(String name) {
        return name == null ? null : AssistanceCategory.valueOf(name);
    }

    private static LocalDate date(java.sql.Date d) {
        return d == null ? null : d.toLocalDate();
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
