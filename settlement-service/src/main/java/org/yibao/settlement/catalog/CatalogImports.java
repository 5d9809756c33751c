package org.yibao.settlement.catalog;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yibao.web.csv.CsvRow;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.text.TextUpload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Imports the national catalog's item file (医保目录信息, the 1312 layout: national field names as the
 * header, comma- or tab-separated, in its declared charset or UTF-8/GB18030 recognised), streamed and
 * staged a chunk at a time, then applied whole or not at all in one transaction: a file with any bad
 * row changes nothing and every bad row is named (line, field, reason, at most {@link #LISTED} listed).
 * Importing the same file again changes nothing; a withdrawn row (vali_flag 0) removes its entry. The
 * upload is read inside the import's transaction (a slow client holds one database connection meanwhile). Bureau-local additions (provincial items, hospital
 * preparations) are files of the same layout.
 */
@Service
public class CatalogImports {

    static final int CHUNK = 5_000;
    static final int LISTED = 1_000;

    /**
     * What an import did.
     *
     * @param applied   whether the file was applied (no row refused)
     * @param withdrawn rows marked vali_flag 0 (withdrawn by the national catalog)
     * @param removed   entries those rows removed (the item is then priced by the entry before, if any)
     * @param added     new entries (a code, or a code's new begin date)
     * @param changed   entries whose name, category, class or end date changed
     * @param unchanged entries already as the file states them
     */
    public record Report(long rows, boolean applied, long withdrawn, long removed, long added, long changed, long unchanged,
                         List<RowError> rejectedRows) {
    }

    /** A refused row: its line in the file (the header is line 1), the national field and why. */
    public record RowError(long line, String field, String reason) {
    }

    private final CatalogStore store;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;

    CatalogImports(CatalogStore store, TransactionTemplate transactions, MeterRegistry meters) {
        this.store = store;
        this.transactions = transactions;
        this.meters = meters;
    }

    public Report importItems(InputStream body, String contentType) {
        return transactions.execute(status -> {
            try {
                Report report = read(body, contentType);
                if (!report.applied()) {
                    status.setRollbackOnly();
                }
                meters.counter("yibao.settlement.catalog.imports", "outcome", report.applied() ? "applied" : "refused").increment();
                return report;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private Report read(InputStream body, String contentType) throws IOException {
        store.beginImport();
        long rows = 0;
        long withdrawn = 0;
        long staged = 0;
        List<RowError> errors = new ArrayList<>();
        long refused = 0;
        try (TextUpload in = TextUpload.open(body, contentType)) {
            String header = in.header();
            char separator = header != null && header.contains("\t") ? '\t' : ',';
            List<String> columns = header == null ? List.of() : Arrays.stream(Objects.requireNonNullElse(cells(header.replace("\uFEFF", "").trim(), separator), new String[0]))
                    .map(c -> c.trim().toLowerCase(java.util.Locale.ROOT)).toList();
            List<String> missing = HilistRow.REQUIRED.stream().filter(c -> !columns.contains(c)).toList();
            if (!missing.isEmpty()) {
                throw new InvalidRequestException("header", "must name the national catalog's columns; missing " + missing);
            }
            List<HilistRow> chunk = new ArrayList<>(CHUNK);
            long line = 1;
            for (TextUpload.Line read = in.next(); read != null; read = in.next()) {
                line++;
                if (!read.readable()) {
                    rows++;
                    refused++;
                    list(errors, new RowError(line, "(row)", read.problem()));
                    continue;
                }
                if (read.text().isBlank()) {
                    continue;
                }
                rows++;
                String[] values = cells(read.text(), separator);
                if (values == null || values.length != columns.size()) {
                    refused++;
                    list(errors, new RowError(line, "(row)", values == null ? CsvRow.UNCLOSED_QUOTE
                            : "has " + values.length + " fields, expected " + columns.size()));
                    continue;
                }
                Map<String, String> byName = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    byName.put(columns.get(i), values[i]);
                }
                HilistRow row;
                try {
                    row = HilistRow.read(line, byName);
                } catch (HilistRow.Refused e) {
                    refused++;
                    list(errors, new RowError(line, e.field(), e.getMessage()));
                    continue;
                }
                if (!row.valid()) {
                    withdrawn++;
                }
                chunk.add(row);
                staged++;
                if (chunk.size() == CHUNK) {
                    store.stage(chunk);
                    chunk.clear();
                }
            }
            store.stage(chunk);
        }
        // rows repeating a code and begin date are found by the database, so that no key of the file is held here
        List<CatalogStore.Repeated> repeated = new ArrayList<>();
        long repeats = store.repeatedRows(LISTED, repeated);
        refused += repeats;
        staged -= repeats;
        for (CatalogStore.Repeated r : repeated) {
            list(errors, new RowError(r.line(), "begndate", "repeats line " + r.earlierLine() + " (the same hilist_code and begndate)"));
        }
        errors.sort(java.util.Comparator.comparingLong(RowError::line));
        if (refused > 0) {
            return new Report(rows, false, withdrawn, 0, 0, 0, 0, errors);
        }
        CatalogStore.Applied applied = store.applyImport();
        return new Report(rows, true, withdrawn, applied.removed(), applied.added(), applied.changed(),
                staged - withdrawn - applied.added() - applied.changed(), List.of());
    }

    private static void list(List<RowError> errors, RowError error) {
        if (errors.size() < LISTED) {
            errors.add(error);
        }
    }

    /** A line's cells: tab-separated as downloaded files are, or CSV (quoted cells) as a spreadsheet saves them. */
    private static String[] cells(String line, char separator) {
        return separator == '\t' ? line.split("\t", -1) : CsvRow.cells(line);
    }
}
