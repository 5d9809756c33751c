package org.yibao.procurement.consumption;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.procurement.volume.AgreementYear;
import org.yibao.web.csv.CsvExport;

import java.io.IOException;
import java.util.List;

/**
 * Completion of a batch's agreed volumes by product and institution (see {@link Completion}), behind
 * the gateway at {@code /api/procurement/batches/{batchId}}.
 */
@RestController
@RequestMapping("/api/procurement")
class ConsumptionController {

    private final ConsumptionService consumption;

    ConsumptionController(ConsumptionService consumption) {
        this.consumption = consumption;
    }

    @GetMapping("/batches/{batchId}/report")
    List<Completion> report(@PathVariable String batchId, @RequestParam int year) {
        return consumption.report(batchId, new AgreementYear(year));
    }

    /** Institutions with at least one product whose completion lags the elapsed share of the year. */
    @GetMapping("/batches/{batchId}/institutions-behind")
    List<InstitutionBehind> behind(@PathVariable String batchId, @RequestParam int year) {
        return consumption.behind(batchId, new AgreementYear(year));
    }

    /** The report as CSV for a spreadsheet: RFC 4180 quoting, names that would start a formula neutralised (CsvExport). */
    @GetMapping(path = "/batches/{batchId}/report.csv")
    void csv(@PathVariable String batchId, @RequestParam int year, HttpServletResponse response) throws IOException {
        List<Completion> rows = consumption.report(batchId, new AgreementYear(year));
        response.setContentType("text/csv;charset=UTF-8");
        CsvExport out = CsvExport.to(response.getWriter(), "institution", "itemCode", "genericName", "agreed", "consumed",
                "purchased", "sameGenericOther", "completionPercent", "elapsedPercent", "behind", "vbpSharePercent", "savings");
        for (Completion r : rows) {
            out.row(r.institution(), r.itemCode(), r.genericName(), r.agreed().toPlainString(), r.consumed().toPlainString(),
                    r.purchased().toPlainString(), r.sameGenericOther().toPlainString(), r.completionPercent().toPlainString(),
                    r.elapsedPercent().toPlainString(), r.behind(), r.vbpSharePercent().toPlainString(), r.savings());
        }
        out.flush();
    }
}
