package org.yibao.assistance.identity;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yibao.contracts.events.AssistanceIdentityChanged;
import org.yibao.messaging.outbox.OutboxWriter;
import org.yibao.web.csv.CsvRow;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.problem.NotFoundException;
import org.yibao.web.text.TextUpload;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

    private final FeedStore store;
    private final TransactionTemplate transactions;
    private final OutboxWriter outbox;
    private final FeedParser parser;
    private final MeterRegistry meters;
    private final Clock clock;

    FeedService(FeedStore store, TransactionTemplate transactions, OutboxWriter outbox, JsonMapper json,
                MeterRegistry meters, Clock clock) {
        this.store = store;
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
        store.open(feedId, format);
        long rows = 0;
        long rejected = 0;
        List<FeedReport.RowError> listed = new ArrayList<>();
        try (TextUpload in = TextUpload.open(body, contentType)) {
            long line = 0;
            if (format == Format.CSV) {
                String header = in.header();
                line++;
                List<String> columns = header == null ? List.of()
                        : Arrays.asList(Objects.requireNonNullElse(CsvRow.cells(header.replace("\uFEFF", "").trim()), new String[0]));
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
                    store.stage(feedId, chunk);
                    chunk.clear();
                }
            }
            store.stage(feedId, chunk);
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
        store.open(feedId, Format.PUSH);
        store.stage(feedId, List.of(row));
        return transactions.execute(status -> apply(feedId, 1, 0, List.of()));
    }

    FeedParser parser() {
        return parser;
    }

    /**
     * A person's merged identity; for the bureau's staff also the history of what each department said
     * (record ids and dates), which a hospital or pharmacy does not get.
     *
     * @throws NotFoundException when no department has reported the person
     */
    public IdentityView identity(String personId, boolean forInstitution) {
        FeedStore.CurrentIdentity current = store.current(personId)
                .orElseThrow(() -> new NotFoundException("no department has reported this person"));
        return IdentityView.of(current, forInstitution ? null : store.statements(personId));
    }

    private void abandon(UUID feedId) {
        store.abandon(feedId);
        meters.counter("yibao.assistance.feeds", "outcome", "abandoned").increment();
    }

    /** The one transaction that applies a fully received feed. */
    private FeedReport apply(UUID feedId, long rows, long rejected, List<FeedReport.RowError> listed) {
        int changedRecords = store.applySourceRecords(feedId);
        long identitiesChanged = store.merge(LocalDate.now(clock), CHUNK, this::announce);
        store.finish(feedId, rows, rejected);
        meters.counter("yibao.assistance.feeds", "outcome", "applied").increment();
        meters.counter("yibao.assistance.feed.rows", "outcome", "rejected").increment(rejected);
        meters.counter("yibao.assistance.identity.changes").increment(identitiesChanged);
        return new FeedReport(feedId, rows, rejected, changedRecords, identitiesChanged, listed);
    }

    /**
     * Stores the merged identities of a batch that changed (category, period or sources) and announces
     * each real change of identity (category or period) once; returns how many were announced.
     */
    private long announce(List<FeedStore.Merge> batch) {
        List<FeedStore.Merge> toStore = batch.stream()
                .filter(m -> identityChanged(m) || (m.known() && !Objects.equals(m.beforeSources(), m.sources())))
                .toList();
        store.saveIdentities(toStore);
        List<AssistanceIdentityChanged> events = toStore.stream().filter(FeedService::identityChanged)
                .map(m -> new AssistanceIdentityChanged(m.personId(), m.region(), m.before(), m.category(), m.from(), m.to(),
                        m.sources().isEmpty() ? List.of() : Arrays.asList(m.sources().split(",")), clock.instant()))
                .toList();
        outbox.appendAll(events);
        return events.size();
    }

    /** A new person with a category, or a known person whose category or period changed. */
    static boolean identityChanged(FeedStore.Merge m) {
        return !m.known() ? m.category() != null
                : m.before() != m.category() || !Objects.equals(m.beforeFrom(), m.from()) || !Objects.equals(m.beforeTo(), m.to());
    }
}
