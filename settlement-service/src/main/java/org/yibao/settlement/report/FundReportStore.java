package org.yibao.settlement.report;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.money.Money;
import org.yibao.contracts.region.Regions;

import java.math.BigDecimal;
import java.util.List;

/** The fund report's SQL: the settled bills' layers summed by scheme and visit type. */
@Repository
class FundReportStore {

    private final JdbcClient jdbc;

    FundReportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A year's settlements not reversed, in a region (a province, a city: everything under it) or all when null. */
    List<FundReport.Spending> spending(int year, String region) {
        return jdbc.sql("""
                        select scheme, visit_type, count(*), count(distinct person_id), sum(total), sum(full_self_pay),
                               sum(prior_self_pay), sum(policy_scope), sum(basic_fund), sum(catastrophic), sum(supplementary),
                               sum(assistance), sum(personal_account), sum(cash)
                        from settlement where year = ? and reversal_id is null and region_code like ?
                        group by scheme, visit_type order by scheme, visit_type""")
                .params(year, region == null ? "%" : Regions.likePattern(region))
                .query((rs, n) -> new FundReport.Spending(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        money(rs.getBigDecimal(5)), money(rs.getBigDecimal(6)), money(rs.getBigDecimal(7)),
                        money(rs.getBigDecimal(8)), money(rs.getBigDecimal(9)), money(rs.getBigDecimal(10)),
                        money(rs.getBigDecimal(11)), money(rs.getBigDecimal(12)), money(rs.getBigDecimal(13)),
                        money(rs.getBigDecimal(14))))
                .list();
    }

    private static Money money(BigDecimal amount) {
        return Money.of(amount);
    }
}
