package org.yibao.procurement.volume;

import org.yibao.web.csv.CsvRow;
import org.yibao.web.text.TextUpload;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.web.problem.InvalidRequestException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Agreed volumes imported as a file (institution,itemCode,volume) for an agreement year. A file is
 * applied whole or not at all: any bad row (unknown product, a volume that is not positive, a row
 * repeated) is reported with its line and reason and nothing of the file is applied.
 */
@Service
public class AgreedVolumes {

    static final List<String> COLUMNS = List.of("institution", "itemCode", "volume");

    /** A designated institution's code: a capital letter, then 5 to 29 capitals or digits (as supervision registers them). */
    static final java.util.regex.Pattern INSTITUTION_CODE = java.util.regex.Pattern.compile("[A-Z][0-9A-Z]{5,29}");

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
        if (quantity.compareTo(new BigDecimal("100000000000")) >= 0) {
            return "must be below 100000000000";
        }
        return null;
    }

    public record RowError(long line, String field, String reason) {
    }

    public record Report(long rows, boolean applied, List<RowError> errors) {
    }

    private record Row(String institution, String itemCode, BigDecimal volume) {
    }

    private final JdbcClient jdbc;

    AgreedVolumes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public Report importCsv(int year, InputStream body, String contentType) throws IOException {
        Set<String> products = new HashSet<>(jdbc.sql("select item_code from product").query(String.class).list());
        List<Row> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (TextUpload in = TextUpload.open(body, contentType)) {
            String header = in.header();
            if (header == null || !java.util.Arrays.asList(java.util.Objects.requireNonNullElse(CsvRow.cells(header.replace("\uFEFF", "").trim()), new String[0])).equals(COLUMNS)) {
                throw new InvalidRequestException("header", "must be exactly " + String.join(",", COLUMNS));
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
                String[] f = CsvRow.cells(text);
                if (f == null) {
                    errors.add(new RowError(line, "(row)", CsvRow.UNCLOSED_QUOTE));
                    continue;
                }
                if (f.length != 3) {
                    errors.add(new RowError(line, "(row)", "has " + f.length + " fields, expected 3"));
                    continue;
                }
                String institution = f[0].trim();
                String item = f[1].trim();
                if (!INSTITUTION_CODE.matcher(institution).matches()) {
                    errors.add(new RowError(line, "institution", "must be an institution code such as H41170000001"));
                    continue;
                }
                if (!products.contains(item)) {
                    errors.add(new RowError(line, "itemCode", "is not a selected product of any batch"));
                    continue;
                }
                BigDecimal volume;
                try {
                    volume = new BigDecimal(f[2].trim());
                } catch (NumberFormatException e) {
                    errors.add(new RowError(line, "volume", "must be a number"));
                    continue;
                }
                String volumeProblem = quantityProblem(volume);
                if (volumeProblem != null) {
                    errors.add(new RowError(line, "volume", volumeProblem));
                    continue;
                }
                if (!seen.add(institution + "/" + item)) {
                    errors.add(new RowError(line, "itemCode", "repeats an earlier row for this institution"));
                    continue;
                }
                rows.add(new Row(institution, item, volume));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!errors.isEmpty()) {
            return new Report(rows.size() + errors.size(), false, errors);
        }
        for (Row r : rows) {
            jdbc.sql("""
                            insert into agreed_volume (year, institution, item_code, volume) values (?, ?, ?, ?)
                            on conflict (year, institution, item_code) do update set volume = excluded.volume""")
                    .params(year, r.institution(), r.itemCode(), r.volume()).update();
        }
        return new Report(rows.size(), true, List.of());
    }
}
