package org.yibao.procurement.volume;

import org.yibao.web.csv.CsvRow;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.text.TextUpload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A file an institution or the bureau uploads (CSV or plain text, exactly the expected header), read
 * whole before anything of it is applied: each row is read into a value or refused with its line and
 * reason, so that a file with any bad row can be refused whole with every bad row named.
 */
final class VolumeFile {

    /** A designated institution's code: a capital letter, then 5 to 29 capitals or digits (as supervision registers them). */
    static final Pattern INSTITUTION_CODE = Pattern.compile("[A-Z][0-9A-Z]{5,29}");

    private static final BigDecimal QUANTITY_LIMIT = new BigDecimal("100000000000");

    /** Reads a row's cells (as many as the header's columns) into a value. */
    @FunctionalInterface
    interface RowReader<R> {
        R read(long line, String[] cells) throws RefusedRow;
    }

    /** A row refused: the field and the reason. */
    static final class RefusedRow extends Exception {

        final String field;

        RefusedRow(String field, String reason) {
            super(reason, null, false, false);
            this.field = field;
        }
    }

    /** The rows read and the errors of the rows refused. */
    record Read<R>(List<R> rows, List<RowError> errors) {

        /**
         * Whole or not at all: with no row refused, saves the rows and reports them applied; else saves
         * nothing and reports every row read and every error.
         */
        Report applyWhole(Consumer<List<R>> save) {
            if (!errors.isEmpty()) {
                return new Report(rows.size() + errors.size(), false, errors);
            }
            save.accept(rows);
            return new Report(rows.size(), true, List.of());
        }
    }

    private VolumeFile() {
    }

    /** Reads the file; 400 naming {@code header} unless its first line is exactly the columns (a UTF-8 mark allowed). */
    static <R> Read<R> read(InputStream body, String contentType, List<String> columns, RowReader<R> reader) throws IOException {
        List<R> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        try (TextUpload in = TextUpload.open(body, contentType)) {
            String header = in.header();
            if (header == null || !Arrays.asList(Objects.requireNonNullElse(CsvRow.cells(header.replace("\uFEFF", "").trim()),
                    new String[0])).equals(columns)) {
                throw new InvalidRequestException("header", "must be exactly " + String.join(",", columns));
            }
            long line = 1;
            for (TextUpload.Line read = in.next(); read != null; read = in.next()) {
                line++;
                if (!read.readable()) {
                    errors.add(new RowError(line, "(row)", read.problem()));
                    continue;
                }
                String text = read.text();
                if (text.isBlank()) {
                    continue;
                }
                String[] cells = CsvRow.cells(text);
                if (cells == null) {
                    errors.add(new RowError(line, "(row)", CsvRow.UNCLOSED_QUOTE));
                    continue;
                }
                if (cells.length != columns.size()) {
                    errors.add(new RowError(line, "(row)", "has " + cells.length + " fields, expected " + columns.size()));
                    continue;
                }
                try {
                    rows.add(reader.read(line, cells));
                } catch (RefusedRow e) {
                    errors.add(new RowError(line, e.field, e.getMessage()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Read<>(rows, errors);
    }

    /** The cell as an institution code (trimmed). */
    static String institution(String cell) throws RefusedRow {
        String code = cell.trim();
        if (!INSTITUTION_CODE.matcher(code).matches()) {
            throw new RefusedRow("institution", "must be an institution code such as H41170000001");
        }
        return code;
    }

    /** The cell as the item code of a selected product (trimmed). */
    static String selectedProduct(String cell, Set<String> selectedItemCodes) throws RefusedRow {
        String code = cell.trim();
        if (!selectedItemCodes.contains(code)) {
            throw new RefusedRow("itemCode", "is not a selected product of any batch");
        }
        return code;
    }

    /** The cell as a quantity of units that can be stored as written (see {@link #quantityProblem}). */
    static BigDecimal quantity(String field, String cell) throws RefusedRow {
        BigDecimal quantity;
        try {
            quantity = new BigDecimal(cell.trim());
        } catch (NumberFormatException e) {
            throw new RefusedRow(field, "must be a number");
        }
        String problem = quantityProblem(quantity);
        if (problem != null) {
            throw new RefusedRow(field, problem);
        }
        return quantity;
    }

    /**
     * Why a quantity (units of a product) cannot be stored, or null: more than zero, at most three
     * decimals, below 100,000,000,000 (the columns are {@code numeric(14,3)}); never rounded silently.
     */
    static String quantityProblem(BigDecimal quantity) {
        if (quantity.signum() <= 0) {
            return "must be more than zero";
        }
        if (quantity.stripTrailingZeros().scale() > 3) {
            return "has more than 3 decimals";
        }
        if (quantity.compareTo(QUANTITY_LIMIT) >= 0) {
            return "must be below 100000000000";
        }
        return null;
    }
}
