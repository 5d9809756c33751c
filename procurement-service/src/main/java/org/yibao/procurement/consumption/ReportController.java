package org.yibao.procurement.consumption;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.contracts.money.Money;
import org.yibao.web.csv.CsvExport;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.problem.NotFoundException;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Completion of a batch's agreed volumes by product and institution: consumed against agreed, against
 * the share of the agreement year elapsed (an institution below it is falling behind), the VBP share of
 * its generic's volume, and the savings (previous minus winning price, times the volume consumed).
 * ASSUMPTION: the agreement year is the calendar year.
 */
@RestController
@RequestMapping("/api/procurement")
class ReportController {

    record Row(String institution, String itemCode, String genericName, BigDecimal agreed, BigDecimal consumed,
               BigDecimal purchased, BigDecimal sameGenericOther, BigDecimal completionPercent, BigDecimal elapsedPercent, boolean behind,
               BigDecimal vbpSharePercent, Money savings) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ReportController(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @GetMapping("/batches/{batchId}/report")
    List<Row> report(@PathVariable String batchId, @RequestParam int year) {
        if (year < 2000 || year > 2100) {
            throw new InvalidRequestException("year", "must be between 2000 and 2100");
        }
        if (jdbc.queryForObject("select count(*) from batch where batch_id = ?", Integer.class, batchId) == 0) {
            throw new NotFoundException("no batch " + batchId);
        }
        BigDecimal elapsed = elapsedPercent(year);
        return jdbc.query("""
                        select v.institution, p.item_code, p.generic_name, v.volume,
                               coalesce((select sum(quantity) from consumption c where c.year = v.year and c.institution = v.institution
                                         and c.item_code = p.item_code and not c.reversed), 0) as consumed,
                               coalesce((select sum(c.quantity) from consumption c join same_generic_item g on g.item_code = c.item_code
                                         where c.year = v.year and c.institution = v.institution and g.generic_name = p.generic_name
                                           and not c.reversed), 0) as other,
                               p.previous_price - p.winning_price as saving_per_unit,
                               coalesce((select sum(quantity) from purchase u where u.year = v.year and u.institution = v.institution
                                         and u.item_code = p.item_code), 0) as purchased
                        from agreed_volume v join product p on p.item_code = v.item_code
                        where p.batch_id = ? and v.year = ? order by v.institution, p.item_code""",
                (rs, n) -> {
                    BigDecimal agreed = rs.getBigDecimal(4);
                    BigDecimal consumed = rs.getBigDecimal(5);
                    BigDecimal other = rs.getBigDecimal(6);
                    BigDecimal completion = consumed.multiply(BigDecimal.valueOf(100)).divide(agreed, 2, RoundingMode.HALF_UP);
                    BigDecimal all = consumed.add(other);
                    BigDecimal share = all.signum() == 0 ? BigDecimal.ZERO.setScale(2)
                            : consumed.multiply(BigDecimal.valueOf(100)).divide(all, 2, RoundingMode.HALF_UP);
                    return new Row(rs.getString(1), rs.getString(2), rs.getString(3), agreed, consumed, rs.getBigDecimal(8),
                            other, completion,
                            elapsed, completion.compareTo(elapsed) < 0, share,
                            Money.rounded(rs.getBigDecimal(7).multiply(consumed), RoundingMode.HALF_UP));
                }, batchId, year);
    }

    record Behind(String institution, long products, long productsBehind, BigDecimal lowestCompletionPercent) {
    }

    /** Institutions with at least one product whose completion lags the elapsed share of the year. */
    @GetMapping("/batches/{batchId}/institutions-behind")
    List<Behind> behind(@PathVariable String batchId, @RequestParam int year) {
        Map<String, List<Row>> byInstitution = new TreeMap<>();
        report(batchId, year).forEach(r -> byInstitution.computeIfAbsent(r.institution(), k -> new ArrayList<>()).add(r));
        return byInstitution.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(Row::behind))
                .map(e -> new Behind(e.getKey(), e.getValue().size(), e.getValue().stream().filter(Row::behind).count(),
                        e.getValue().stream().map(Row::completionPercent).min(BigDecimal::compareTo).orElseThrow()))
                .toList();
    }

    /** The report as CSV for a spreadsheet: RFC 4180 quoting, names that would start a formula neutralised (CsvExport). */
    @GetMapping(path = "/batches/{batchId}/report.csv")
    void csv(@PathVariable String batchId, @RequestParam int year, HttpServletResponse response) throws IOException {
        List<Row> rows = report(batchId, year);
        response.setContentType("text/csv;charset=UTF-8");
        CsvExport out = CsvExport.to(response.getWriter(), "institution", "itemCode", "genericName", "agreed", "consumed",
                "purchased", "sameGenericOther", "completionPercent", "elapsedPercent", "behind", "vbpSharePercent", "savings");
        for (Row r : rows) {
            out.row(r.institution(), r.itemCode(), r.genericName(), r.agreed().toPlainString(), r.consumed().toPlainString(),
                    r.purchased().toPlainString(), r.sameGenericOther().toPlainString(), r.completionPercent().toPlainString(),
                    r.elapsedPercent().toPlainString(), r.behind(), r.vbpSharePercent().toPlainString(), r.savings());
        }
        out.flush();
    }

    private BigDecimal elapsedPercent(int year) {
        LocalDate today = LocalDate.now(clock);
        if (today.getYear() > year) {
            return BigDecimal.valueOf(100).setScale(2);
        }
        if (today.getYear() < year) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(today.getDayOfYear() * 100L).divide(BigDecimal.valueOf(today.lengthOfYear()), 2, RoundingMode.HALF_UP);
    }
}
