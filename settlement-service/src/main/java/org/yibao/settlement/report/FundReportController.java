package org.yibao.settlement.report;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.contracts.money.Money;
import org.yibao.contracts.region.Regions;
import org.yibao.web.problem.InvalidRequestException;

import java.math.BigDecimal;
import java.util.List;

/**
 * The funds' spending in a year (基金支出) by scheme and visit type, from the settled bills alone
 * (reversed ones left out): what the bureau's monthly and year-end clearing starts from.
 */
@RestController
@RequestMapping("/api/settlement")
class FundReportController {

    /** One scheme and visit type's settlements and how their totals split across the layers. */
    record Spending(String scheme, String visitType, long settlements, long persons, Money total, Money fullSelfPay,
                    Money priorSelfPay, Money policyScope, Money basicFund, Money catastrophic, Money supplementary,
                    Money assistance, Money personalAccount, Money cash) {
    }

    record FundReport(int year, String region, List<Spending> spending) {
    }

    private final JdbcClient jdbc;

    FundReportController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param region a city or district (a province, a city: everything under it); all regions when absent */
    @GetMapping("/reports/{year}")
    @Transactional(readOnly = true)
    FundReport report(@PathVariable int year, @RequestParam(required = false) String region) {
        if (year < 2000 || year > 2100) {
            throw new InvalidRequestException("year", "must be between 2000 and 2100");
        }
        if (region != null && !region.matches("[1-9][0-9]{5}")) {
            throw new InvalidRequestException("region", "must be a 6-digit administrative division code");
        }
        List<Spending> spending = jdbc.sql("""
                        select scheme, visit_type, count(*), count(distinct person_id), sum(total), sum(full_self_pay),
                               sum(prior_self_pay), sum(policy_scope), sum(basic_fund), sum(catastrophic), sum(supplementary),
                               sum(assistance), sum(personal_account), sum(cash)
                        from settlement where year = ? and reversal_id is null and region_code like ?
                        group by scheme, visit_type order by scheme, visit_type""")
                .params(year, region == null ? "%" : Regions.likePattern(region))
                .query((rs, n) -> new Spending(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        money(rs.getBigDecimal(5)), money(rs.getBigDecimal(6)), money(rs.getBigDecimal(7)),
                        money(rs.getBigDecimal(8)), money(rs.getBigDecimal(9)), money(rs.getBigDecimal(10)),
                        money(rs.getBigDecimal(11)), money(rs.getBigDecimal(12)), money(rs.getBigDecimal(13)),
                        money(rs.getBigDecimal(14))))
                .list();
        return new FundReport(year, region, spending);
    }

    private static Money money(BigDecimal amount) {
        return Money.of(amount);
    }
}
