package org.yibao.enrollment.importing;

import org.yibao.web.csv.CsvRow;
import org.yibao.web.text.TextUpload;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.EmploymentTier;
import org.yibao.contracts.events.EnrollmentStatus;
import org.yibao.contracts.events.PersonEnrolled;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.contracts.money.Money;
import org.yibao.enrollment.contribution.ContributionPolicies;
import org.yibao.enrollment.contribution.ContributionService;
import org.yibao.enrollment.contribution.ContributionPolicy;
import org.yibao.enrollment.enrollment.Enrollment;
import org.yibao.enrollment.person.Person;
import org.yibao.messaging.outbox.OutboxWriter;
import org.yibao.web.problem.InvalidRequestException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Bulk enrollment from a CSV file (参保批量导入), streamed: rows are read, checked and written a chunk
 * at a time, so memory stays flat whatever the file's size. Each chunk is one transaction: its good
 * rows land whole (person if new, enrollment, PersonEnrolled in the outbox) and its bad rows are
 * reported with line, field and reason, never half-written. Re-sending a file changes nothing and
 * reports each row as already enrolled.
 *
 * <pre>personId,name,regionCode,year,scheme,personType,tier,effectiveFrom,wageBase</pre>
 *
 * <p>{@code wageBase} is an employee's monthly wage base (缴费基数, yuan, within the region's floor and
 * ceiling), required for an active employee and refused for a resident, as on the API; a file without
 * that column is accepted for residents and retirees (an active employee's row in it is refused naming
 * wageBase).
 */
@Service
public class ImportService {

    static final List<String> COLUMNS = List.of("personId", "name", "regionCode", "year", "scheme", "personType", "tier",
            "effectiveFrom", "wageBase");
    /** The header of files written before wage bases were kept (issue 22): no employee contributes by them. */
    static final List<String> COLUMNS_WITHOUT_WAGE_BASE = COLUMNS.subList(0, COLUMNS.size() - 1);
    static final int CHUNK = 2_000;
    static final int LISTED_REJECTIONS = 1_000;

    private final ImportStore store;
    private final TransactionTemplate transactions;
    private final OutboxWriter outbox;
    private final ContributionPolicies policies;
    private final ContributionService contributions;
    private final MeterRegistry meters;
    private final Clock clock;

    ImportService(ImportStore store, TransactionTemplate transactions, OutboxWriter outbox,
                  ContributionPolicies policies, ContributionService contributions, MeterRegistry meters, Clock clock) {
        this.store = store;
        this.transactions = transactions;
        this.outbox = outbox;
        this.policies = policies;
        this.contributions = contributions;
        this.meters = meters;
        this.clock = clock;
    }

    private record Row(long line, ResidentId id, String name, String region, int year, Scheme scheme, PersonType type,
                       Optional<EmploymentTier> tier, LocalDate effectiveFrom, Optional<Money> wageBase) {

        /** The person, registered by the import if new: gender and birth date from the id. */
        Person person() {
            return new Person(id, Optional.of(name), id.gender(), id.birthDate(), region, Optional.empty(), false);
        }

        PersonYear key() {
            return new PersonYear(id.value(), year);
        }
    }

    /** The tally of a running import. */
    private static final class Tally {
        long rows;
        long imported;
        long rejected;
        final List<ImportReport.RowError> listed = new ArrayList<>();

        void reject(long line, String field, String reason) {
            rejected++;
            if (listed.size() < LISTED_REJECTIONS) {
                listed.add(new ImportReport.RowError(line, field, reason));
            }
        }
    }

    public ImportReport importCsv(InputStream body, String contentType) throws IOException {
        Tally tally = new Tally();
        try (TextUpload in = TextUpload.open(body, contentType)) {
            String header = in.header();
            if (header == null) {
                throw new InvalidRequestException("file", "is empty; the first line must be the header " + String.join(",", COLUMNS));
            }
            List<String> columns = java.util.Arrays.asList(java.util.Objects.requireNonNullElse(CsvRow.cells(header.replace("\uFEFF", "").trim()), new String[0]));
            if (!columns.equals(COLUMNS) && !columns.equals(COLUMNS_WITHOUT_WAGE_BASE)) {
                throw new InvalidRequestException("header", "must be exactly " + String.join(",", COLUMNS) + ", was " + header);
            }
            int width = columns.size();
            List<Row> chunk = new ArrayList<>(CHUNK);
            long line = 1;
            for (TextUpload.Line read = in.next(); read != null; read = in.next()) {
                line++;
                if (!read.readable()) {
                    tally.rows++;
                    tally.reject(line, "(row)", read.problem());
                    continue;
                }
                String text = read.text();
                if (text.isBlank()) {
                    continue;
                }
                tally.rows++;
                Row row = parse(line, text, width, tally);
                if (row != null) {
                    chunk.add(row);
                }
                if (chunk.size() == CHUNK) {
                    write(chunk, tally);
                    chunk.clear();
                }
            }
            write(chunk, tally);
        } catch (IOException e) {
            throw new UncheckedIOException("the upload could not be read", e);
        }
        meters.counter("yibao.enrollment.import.rows", "outcome", "imported").increment(tally.imported);
        meters.counter("yibao.enrollment.import.rows", "outcome", "rejected").increment(tally.rejected);
        return new ImportReport(tally.rows, tally.imported, tally.rejected, tally.listed);
    }

    /** A checked row, or null after recording why it was rejected. */
    private Row parse(long line, String text, int width, Tally tally) {
        String[] f = CsvRow.cells(text);
        if (f == null) {
            tally.reject(line, "(row)", CsvRow.UNCLOSED_QUOTE);
            return null;
        }
        if (f.length != width) {
            tally.reject(line, "(row)", "has " + f.length + " fields, expected " + width);
            return null;
        }
        ResidentId.Parsed person = ResidentId.parse(f[0]);
        if (!person.valid()) {
            tally.reject(line, "personId", person.problem());
            return null;
        }
        String name = f[1].trim();
        if (name.isEmpty() || name.length() > 100) {
            tally.reject(line, "name", name.isEmpty() ? "is required" : "is longer than 100 characters");
            return null;
        }
        String region = f[2].trim();
        if (!region.matches("[1-9][0-9]{5}")) {
            tally.reject(line, "regionCode", "must be a 6-digit administrative division code");
            return null;
        }
        int year;
        try {
            year = Integer.parseInt(f[3].trim());
        } catch (NumberFormatException e) {
            tally.reject(line, "year", "must be a year such as 2026");
            return null;
        }
        if (year < 2000 || year > 2100) {
            tally.reject(line, "year", "must be between 2000 and 2100");
            return null;
        }
        Scheme scheme = enumValue(Scheme.class, f[4], line, "scheme", tally);
        PersonType type = enumValue(PersonType.class, f[5], line, "personType", tally);
        if (scheme == null || type == null) {
            return null;
        }
        Optional<EmploymentTier> tier = Optional.empty();
        if (!f[6].isBlank()) {
            EmploymentTier t = enumValue(EmploymentTier.class, f[6], line, "tier", tally);
            if (t == null) {
                return null;
            }
            tier = Optional.of(t);
        }
        boolean employeeType = type == PersonType.EMPLOYEE_ACTIVE || type == PersonType.EMPLOYEE_RETIRED;
        if ((scheme == Scheme.EMPLOYEE) != employeeType) {
            tally.reject(line, "personType", type + " does not belong to the " + scheme + " scheme");
            return null;
        }
        if ((scheme == Scheme.EMPLOYEE) != tier.isPresent()) {
            tally.reject(line, "tier", scheme == Scheme.EMPLOYEE ? "is required for employees" : "applies to employees only");
            return null;
        }
        LocalDate from;
        try {
            from = f[7].isBlank() ? LocalDate.of(year, 1, 1) : LocalDate.parse(f[7].trim());
        } catch (DateTimeParseException e) {
            tally.reject(line, "effectiveFrom", "must be a date such as 2026-01-01");
            return null;
        }
        if (from.getYear() != year) {
            tally.reject(line, "effectiveFrom", "must fall in " + year);
            return null;
        }
        if (scheme == Scheme.RESIDENT && policies.inForce(region, year).isEmpty()) {
            tally.reject(line, "regionCode", "no resident contribution policy covers " + region + " in " + year);
            return null;
        }
        Optional<Money> wageBase;
        try {
            Money given = width > 8 && !f[8].isBlank() ? Money.of(f[8].trim()) : null;
            wageBase = contributions.checkedWageBase(scheme, type, region, year, given);
        } catch (InvalidRequestException e) {
            tally.reject(line, "wageBase", e.problems().get(0).reason()
                    + (width > 8 ? "" : " (the file has no wageBase column)"));
            return null;
        } catch (IllegalArgumentException e) {
            tally.reject(line, "wageBase", "must be an amount in yuan such as 6000.00");
            return null;
        }
        return new Row(line, person.id(), name, region, year, scheme, type, tier, from, wageBase);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, long line, String field, Tally tally) {
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            tally.reject(line, field, "must be one of " + List.of(type.getEnumConstants()) + ", was '" + value.trim() + "'");
            return null;
        }
    }

    /** One transaction per chunk: new persons, enrollments that do not conflict, and their events. */
    private void write(List<Row> chunk, Tally tally) {
        if (chunk.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        transactions.executeWithoutResult(status -> {
            timed("persons", () -> store.insertNewPersons(chunk.stream().map(Row::person).toList()));
            Map<String, AssistanceCategory> categories = store.assistanceCategories(
                    chunk.stream().map(r -> r.id().value()).distinct().toList());
            Set<PersonYear> inserted = new HashSet<>();
            timed("enrollments", () -> inserted.addAll(store.insertEnrollments(
                    chunk.stream().map(r -> priced(r, categories)).toList())));
            List<PersonEnrolled> events = new ArrayList<>(inserted.size());
            for (Row r : chunk) {
                if (inserted.remove(r.key())) {
                    contributions.registerWageBase(r.id().value(), r.year(), r.effectiveFrom(), r.wageBase());
                    events.add(new PersonEnrolled(r.id().value(), r.region(), r.scheme(), r.type(), r.tier().orElse(null),
                            r.year(), r.effectiveFrom(), clock.instant()));
                } else {
                    tally.reject(r.line(), "personId", "already holds a basic scheme for " + r.year()
                            + " (or is repeated in the file)");
                }
            }
            timed("outbox", () -> outbox.appendAll(events));
            tally.imported += events.size();
        });
        meters.timer("yibao.enrollment.import.chunk", "phase", "total").record(System.nanoTime() - started,
                java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** Time per chunk and phase, to see where an import's time goes. */
    private void timed(String phase, Runnable work) {
        meters.timer("yibao.enrollment.import.chunk", "phase", phase).record(work);
    }

    /** The row's enrollment with its contribution and any subsidy the person's assistance identity brings. */
    private Enrollment priced(Row r, Map<String, AssistanceCategory> categories) {
        Money due = Money.ZERO;
        Money paid = Money.ZERO;
        AssistanceCategory subsidised = null;
        if (r.scheme() == Scheme.RESIDENT) {
            ContributionPolicy policy = policies.inForce(r.region(), r.year()).orElseThrow();
            due = policy.residentContribution();
            AssistanceCategory c = categories.get(r.id().value());
            if (c != null && policy.subsidyFor(c).isPresent()) {
                paid = policy.subsidyFor(c).get().paidOf(due);
                subsidised = c;
            }
        }
        return new Enrollment(r.id().value(), r.year(), r.scheme(), r.type(), r.tier(), r.region(), EnrollmentStatus.ACTIVE,
                r.effectiveFrom(), due, paid, Optional.ofNullable(subsidised), "IMPORT");
    }
}
