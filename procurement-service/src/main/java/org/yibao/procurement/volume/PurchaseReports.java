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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Purchase reports (institution,itemCode,quantity,purchasedOn), applied whole or not at all like
 * agreed volumes: a bad row is reported and nothing of the file is recorded.
 */
@Service
public class PurchaseReports {

    static final List<String> COLUMNS = List.of("institution", "itemCode", "quantity", "purchasedOn");

    private record Row(int line, String institution, String itemCode, BigDecimal quantity, LocalDate on) {
    }

    private final JdbcClient jdbc;

    PurchaseReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public AgreedVolumes.Report importCsv(InputStream body, String contentType) throws IOException {
        Set<String> products = new HashSet<>(jdbc.sql("select item_code from product").query(String.class).list());
        List<Row> rows = new ArrayList<>();
        List<AgreedVolumes.RowError> errors = new ArrayList<>();
        try (TextUpload in = TextUpload.open(body, contentType)) {
            String header = in.header();
            if (header == null || !java.util.Arrays.asList(java.util.Objects.requireNonNullElse(CsvRow.cells(header.replace("\uFEFF", "").trim()), new String[0])).equals(COLUMNS)) {
                throw new InvalidRequestException("header", "must be exactly " + String.join(",", COLUMNS));
            }
            int line = 1;
            for (TextUpload.Line read = in.next(); read != null; read = in.next()) {
                line++;
                if (!read.readable()) {
                    errors.add(new AgreedVolumes.RowError(line, "(row)", read.problem()));
                    continue;
                }
                String text = read.text();
                if (text.isBlank()) {
                    continue;
                }
                String[] f = CsvRow.cells(text);
                if (f == null) {
                    errors.add(new AgreedVolumes.RowError(line, "(row)", CsvRow.UNCLOSED_QUOTE));
                    continue;
                }
                if (f.length != COLUMNS.size()) {
                    errors.add(new AgreedVolumes.RowError(line, "(row)", "has " + f.length + " fields, expected 4"));
                    continue;
                }
                if (!AgreedVolumes.INSTITUTION_CODE.matcher(f[0].trim()).matches()) {
                    errors.add(new AgreedVolumes.RowError(line, "institution", "must be an institution code such as H41170000001"));
                    continue;
                }
                if (!products.contains(f[1].trim())) {
                    errors.add(new AgreedVolumes.RowError(line, "itemCode", "is not a selected product of any batch"));
                    continue;
                }
                BigDecimal quantity;
                LocalDate on;
                try {
                    quantity = new BigDecimal(f[2].trim());
                } catch (NumberFormatException e) {
                    errors.add(new AgreedVolumes.RowError(line, "quantity", "must be a number"));
                    continue;
                }
                String quantityProblem = AgreedVolumes.quantityProblem(quantity);
                if (quantityProblem != null) {
                    errors.add(new AgreedVolumes.RowError(line, "quantity", quantityProblem));
                    continue;
                }
                try {
                    on = LocalDate.parse(f[3].trim());
                } catch (DateTimeParseException e) {
                    errors.add(new AgreedVolumes.RowError(line, "purchasedOn", "must be a date such as 2026-03-01"));
                    continue;
                }
                rows.add(new Row(line, f[0].trim(), f[1].trim(), quantity, on));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!errors.isEmpty()) {
            return new AgreedVolumes.Report(rows.size() + errors.size(), false, errors);
        }
        UUID id = UUID.randomUUID();
        for (Row r : rows) {
            jdbc.sql("""
                            insert into purchase (report_id, line, year, institution, item_code, quantity, purchased_on)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, r.line(), r.on().getYear(), r.institution(), r.itemCode(), r.quantity(), r.on()).update();
        }
        return new AgreedVolumes.Report(rows.size(), true, List.of());
    }
}
