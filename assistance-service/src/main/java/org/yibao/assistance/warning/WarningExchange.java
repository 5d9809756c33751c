package org.yibao.assistance.warning;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.assistance.identity.FeedReport;
import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.web.csv.CsvExport;
import org.yibao.web.csv.CsvRow;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.text.TextUpload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The monthly exchange with the rural-revitalization department: the warnings raised in a month go
 * out as a file; their feedback comes back, and each person they confirm is brought into assistance
 * as an identity record of theirs (so the merge and AssistanceIdentityChanged follow as for any feed).
 */
@Service
public class WarningExchange {

    static final List<String> EXPORT_COLUMNS = List.of("personId", "regionCode", "year", "risk", "category", "personalPayment",
            "threshold", "basis", "flaggedAt");
    static final List<String> FEEDBACK_COLUMNS = List.of("personId", "year", "risk", "confirmed", "category");

    private final WarningStore store;
    private final WarningConfirmations confirmations;
    private final Clock clock;

    WarningExchange(WarningStore store, WarningConfirmations confirmations, Clock clock) {
        this.store = store;
        this.confirmations = confirmations;
        this.clock = clock;
    }

    /**
     * The warnings flagged in a month, as CSV (full ids: this file goes to the department that follows
     * up), RFC 4180 with cells that would start a formula neutralised ({@link CsvExport}).
     */
    @Transactional(readOnly = true)
    public void export(YearMonth month, Writer out) throws IOException {
        ZoneId zone = clock.getZone();
        CsvExport csv = CsvExport.to(out, EXPORT_COLUMNS.toArray(String[]::new));
        store.flaggedBetween(month.atDay(1).atStartOfDay(zone).toInstant(), month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant(),
                w -> {
                    try {
                        csv.row(w.personId(), w.regionCode(), Integer.toString(w.year()), w.risk().name(),
                                w.category() == null ? null : w.category().name(), w.personalPayment().amount().toPlainString(),
                                w.threshold().amount().toPlainString(), w.basis(), w.flaggedAt());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        csv.flush();
    }

    /** The household's income of a year (yuan, scale 2, half up), for the income-share threshold. */
    @Transactional
    public void householdIncome(String personId, int year, BigDecimal income) {
        store.saveHouseholdIncome(personId, year, income.setScale(2, RoundingMode.HALF_UP));
    }

    public record FeedbackReport(long rows, long confirmed, long rejectedByDepartment, List<FeedReport.RowError> invalidRows) {
    }

    /**
     * Reads the department's feedback: personId,year,risk,confirmed,category (category defaults to POVERTY_MONITORED).
     * Each row is answered as an officer's confirmation is ({@link WarningConfirmations}), in its own transaction.
     *
     * @param recordedBy who uploaded the file (the token), kept with each answer
     */
    public FeedbackReport feedback(InputStream body, String contentType, String recordedBy) throws IOException {
        long rows = 0;
        long confirmed = 0;
        long rejected = 0;
        List<FeedReport.RowError> invalid = new ArrayList<>();
        try (TextUpload in = TextUpload.open(body, contentType)) {
            String header = in.header();
            if (header == null || !Arrays.asList(Objects.requireNonNullElse(CsvRow.cells(header.replace("\uFEFF", "").trim()),
                    new String[0])).equals(FEEDBACK_COLUMNS)) {
                throw new InvalidRequestException("header", "must be exactly " + String.join(",", FEEDBACK_COLUMNS));
            }
            long line = 1;
            for (TextUpload.Line read = in.next(); read != null; read = in.next()) {
                line++;
                if (!read.readable()) {
                    rows++;
                    invalid.add(new FeedReport.RowError(line, "(row)", read.problem()));
                    continue;
                }
                String text = read.text();
                if (text.isBlank()) {
                    continue;
                }
                rows++;
                String[] f = CsvRow.cells(text);
                if (f == null) {
                    invalid.add(new FeedReport.RowError(line, "(row)", CsvRow.UNCLOSED_QUOTE));
                    continue;
                }
                if (f.length != FEEDBACK_COLUMNS.size()) {
                    invalid.add(new FeedReport.RowError(line, "(row)", "has " + f.length + " fields, expected 5"));
                    continue;
                }
                ResidentId.Parsed person = ResidentId.parse(f[0]);
                if (!person.valid()) {
                    invalid.add(new FeedReport.RowError(line, "personId", person.problem()));
                    continue;
                }
                String id = person.id().value();
                AssistanceCategory category;
                try {
                    category = f[4].isBlank() ? AssistanceCategory.POVERTY_MONITORED : AssistanceCategory.valueOf(f[4].trim());
                } catch (IllegalArgumentException e) {
                    invalid.add(new FeedReport.RowError(line, "category", "is not an assistance category"));
                    continue;
                }
                boolean confirming = "true".equalsIgnoreCase(f[3].trim());
                WarningConfirmations.Outcome outcome = confirmations.answerFileRow(id, parseYear(f[1]), f[2].trim(), confirming,
                        category, recordedBy);
                if (outcome != WarningConfirmations.Outcome.ANSWERED) {
                    invalid.add(new FeedReport.RowError(line, "personId", "no open warning for this person, year and risk"));
                    continue;
                }
                if (confirming) {
                    confirmed++;
                } else {
                    rejected++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FeedbackReport(rows, confirmed, rejected, invalid);
    }

    private static int parseYear(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
