package org.yibao.settlement.report;

import org.yibao.web.problem.RequestParameters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.web.problem.InvalidRequestException;

/**
 * The funds' spending in a year (基金支出) by scheme and visit type, from the settled bills alone
 * (reversed ones left out): what the bureau's monthly and year-end clearing starts from.
 */
@RestController
@RequestMapping("/api/settlement")
class FundReportController {

    private final FundReportService reports;

    FundReportController(FundReportService reports) {
        this.reports = reports;
    }

    /** @param region a city or district (a province, a city: everything under it); all regions when absent */
    @GetMapping("/reports/{year}")
    FundReport report(@PathVariable int year, @RequestParam(required = false) String region) {
        return reports.report(RequestParameters.year(year), region == null ? null : RequestParameters.region(region));
    }

    /**
     * The funds' spending in a year month by month (by the service date's month), scheme and visit type, with the
     * yearly report's fields, from the settled bills (reversed ones left out): the months add up to the yearly report.
     *
     * @param region a city or district (everything under it); all regions when absent
     */
    @GetMapping("/reports/{year}/months")
    MonthlySpending months(@PathVariable int year, @RequestParam(required = false) String region) {
        return reports.months(RequestParameters.year(year), region == null ? null : RequestParameters.region(region));
    }

    /**
     * The funds' income in a year by scheme, month and source (employer, individual — of which to personal
     * accounts —, resident contributions, premium and fiscal subsidies) and the accounts' spending (issue 22).
     *
     * @param region a city or district; all regions when absent
     */
    @GetMapping("/reports/{year}/income")
    IncomeReport income(@PathVariable int year, @RequestParam(required = false) String region) {
        return reports.income(RequestParameters.year(year), region == null ? null : RequestParameters.region(region));
    }
}
