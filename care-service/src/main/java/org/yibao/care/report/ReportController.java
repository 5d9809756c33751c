package org.yibao.care.report;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.care.payment.Months;
import org.yibao.web.problem.RequestParameters;

/** The month's report of long-term care, behind the gateway at {@code /api/care}. */
@RestController
@RequestMapping("/api/care")
class ReportController {

    private final ReportService reports;

    ReportController(ReportService reports) {
        this.reports = reports;
    }

    /** @param region a 6-digit region code; every region when not given */
    @GetMapping("/reports/{month}")
    MonthReport month(@PathVariable String month, @RequestParam(required = false) String region) {
        return reports.month(Months.parse(month, "month"), region == null ? null : RequestParameters.region(region));
    }
}
