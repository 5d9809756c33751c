package org.yibao.settlement.catalog;

import org.yibao.web.csv.CsvRow;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.text.TextUpload;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A file in one of the national catalog's layouts (national field names as the header, comma- or
 * tab-separated, in its declared charset or UTF-8/GB18030 recognised; headers in any case), read as a
 * stream: each row is read by its layout's {@link Layout}, good rows are handed on a chunk at a time,
 * bad rows are counted and the first {@link #LISTED} named (line, field, reason). The header is line 1.
 */
public final class CatalogFile {

    /** How many refused rows a report lists (all are counted). */
    public static final int LISTED = 1_000;

    /** A layout: the columns it needs and how it reads a row. */
    public interface Layout<R> {

        /** What the header lacks, in words naming the columns; empty when it has what the layout needs. */
        Optional<String> missing(List<String> columns);

        R read(long line, Map<String, String> cells) throws Refused;
    }

    /** A refused row: the field (its national name) and the reason. */
    public static final class Refused extends Exception {
        private final String field;

        public Refused(String field, String reason) {
            super(reason, null, false, false);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** A refused row as a report lists it. */
    public record RowError(long line, String field, String reason) {
    }

    /** What reading the file found: its rows (blank lines aside), how many were refused, the first of them. */
    public record Read(long rows, long refused, List<RowError> errors) {

        /** Adds refusals found after reading (e.g. by the database), keeping the listed ones in line order. */
        public Read plus(long more, List<RowError> listed) {
            List<RowError> all = new ArrayList<>(errors);
            for (RowError e : listed) {
                list(all, e);
            }
            all.sort(java.util.Comparator.comparingLong(RowError::line));
            return new Read(rows, refused + more, List.copyOf(all));
        }
    }

    private CatalogFile() {
    }

    /**
     * Reads a file: 400 naming {@code header} when it lacks the layout's columns; otherwise every row,
     * the good ones handed to {@code stage} in chunks of at most {@code chunk}.
     */
    public static <R> Read read(InputStream body, String contentType, Layout<R> layout, int chunk, Consumer<List<R>> stage)
            throws IOException {
        long rows = 0;
        long refused = 0;
        List<RowError> errors = new ArrayList<>();
        try (TextUpload in = TextUpload.open(body, contentType)) {
            String header = in.header();
            char separator = header != null && header.contains("\t") ? '\t' : ',';
            List<String> columns = header == null ? List.of()
                    : Arrays.stream(Objects.requireNonNullElse(cells(header.replace("\uFEFF", "").trim(), separator), new String[0]))
                    .map(c -> c.trim().toLowerCase(Locale.ROOT)).toList();
            Optional<String> missing = layout.missing(columns);
            if (missing.isPresent()) {
                throw new InvalidRequestException("header", "must name the layout's columns; " + missing.get());
            }
            List<R> pending = new ArrayList<>(chunk);
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
                try {
                    pending.add(layout.read(line, byName));
                } catch (Refused e) {
                    refused++;
                    list(errors, new RowError(line, e.field(), e.getMessage()));
                    continue;
                }
                if (pending.size() == chunk) {
                    stage.accept(pending);
                    pending = new ArrayList<>(chunk);
                }
            }
            if (!pending.isEmpty()) {
                stage.accept(pending);
            }
        }
        return new Read(rows, refused, errors);
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

    // --- cells as the layouts carry them ---

    /** A required text cell of at most {@code max} characters, trimmed. */
    public static String text(Map<String, String> cells, String field, int max) throws Refused {
        String value = optionalText(cells, field, max);
        if (value == null) {
            throw new Refused(field, "is required");
        }
        return value;
    }

    /** An optional text cell (null when absent or blank), trimmed. */
    public static String optionalText(Map<String, String> cells, String field, int max) throws Refused {
        String value = cells.getOrDefault(field, "").trim();
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > max) {
            throw new Refused(field, "is longer than " + max + " characters");
        }
        return value;
    }

    /** A catalog code: letters, digits, . - _ and at most 50 characters (med_list_codg's length). */
    public static String code(Map<String, String> cells, String field) throws Refused {
        String code = text(cells, field, 50);
        if (!code.matches("[0-9A-Za-z.\\-_]+")) {
            throw new Refused(field, "must be a catalog code (letters, digits, . - _)");
        }
        return code;
    }

    /** vali_flag: 1 valid (also when absent), 0 withdrawn. */
    public static boolean valid(Map<String, String> cells) throws Refused {
        String flag = cells.getOrDefault("vali_flag", "1").trim();
        if (!flag.isEmpty() && !flag.equals("1") && !flag.equals("0")) {
            throw new Refused("vali_flag", "must be 1 (valid) or 0 (withdrawn)");
        }
        return !flag.equals("0");
    }

    /** A date as files carry it: 2026-01-01, 2026/1/1 (a spreadsheet's), 20260101, each maybe with a time. */
    private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
            .appendOptional(DateTimeFormatter.ofPattern("uuuu-M-d"))
            .appendOptional(DateTimeFormatter.ofPattern("uuuu/M/d"))
            .appendOptional(DateTimeFormatter.ofPattern("uuuuMMdd"))
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);

    public static Optional<LocalDate> date(Map<String, String> cells, String field) throws Refused {
        String value = cells.getOrDefault(field, "").trim();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String day = value.split("[ T]", 2)[0];
        LocalDate date;
        try {
            date = LocalDate.parse(day, DATE);
        } catch (DateTimeParseException e) {
            throw new Refused(field, "must be a date such as 2026-01-01");
        }
        // the database takes years 1 to 5874897; a catalog's dates lie in these (a year 0 or 6000000 was a 400 for the whole file)
        if (date.getYear() < 1900 || date.getYear() > 9999) {
            throw new Refused(field, "must be a date between 1900-01-01 and 9999-12-31");
        }
        return Optional.of(date);
    }

    /** A begin date (required) and an end date (optional, not before it). */
    public static LocalDate[] period(Map<String, String> cells) throws Refused {
        LocalDate from = date(cells, "begndate").orElseThrow(() -> new Refused("begndate", "is required"));
        LocalDate to = date(cells, "enddate").orElse(null);
        if (to != null && to.isBefore(from)) {
            throw new Refused("enddate", "is before begndate");
        }
        return new LocalDate[]{from, to};
    }

    /** A decimal cell: plain digits with at most {@code scale} decimals, within [min, max]. */
    public static BigDecimal decimal(Map<String, String> cells, String field, int scale, BigDecimal min,
                                               BigDecimal max) throws Refused {
        String value = cells.getOrDefault(field, "").trim();
        if (value.isEmpty()) {
            throw new Refused(field, "is required");
        }
        if (value.startsWith("-")) {
            throw new Refused(field, "must not be negative");
        }
        if (!value.matches("[0-9]{1,14}(\\.[0-9]+)?")) {
            throw new Refused(field, "must be a number such as 12.50");
        }
        BigDecimal number = new BigDecimal(value);
        if (number.stripTrailingZeros().scale() > scale) {
            throw new Refused(field, "has more than " + scale + " decimals");
        }
        if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
            throw new Refused(field, "must be between " + min.toPlainString() + " and " + max.toPlainString());
        }
        return number.setScale(scale, RoundingMode.UNNECESSARY);
    }
}
