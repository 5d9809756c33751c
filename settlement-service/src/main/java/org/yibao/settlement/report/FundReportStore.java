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

    /** The year's totals: one row per scheme (visit type null), and all schemes together (scheme null too). */
    record Totals(List<FundReport.Spending> byScheme, FundReport.Spending all) {
    }

    /**
     * The yearly report's totals, summed by the database in one statement (grouping sets), over the same bills as
     * {@link #spending}: persons are counted once per scheme, and once over all schemes.
     */
    Totals totals(int year, String region) {
        List<FundReport.Spending> byScheme = new java.util.ArrayList<>();
        FundReport.Spending[] all = new FundReport.Spending[1];
        jdbc.sql("""
                        select scheme, grouping(scheme), count(*), count(distinct person_id), coalesce(sum(total), 0),
                               coalesce(sum(full_self_pay), 0), coalesce(sum(prior_self_pay), 0), coalesce(sum(policy_scope), 0),
                               coalesce(sum(basic_fund), 0), coalesce(sum(catastrophic), 0), coalesce(sum(supplementary), 0),
                               coalesce(sum(assistance), 0), coalesce(sum(personal_account), 0), coalesce(sum(cash), 0)
                        from settlement where year = ? and reversal_id is null and region_code like ?
                        group by grouping sets ((scheme), ()) order by grouping(scheme), scheme""")
                .params(year, region == null ? "%" : Regions.likePattern(region))
                .query((rs, n) -> {
                    boolean overall = rs.getInt(2) == 1;
                    FundReport.Spending row = new FundReport.Spending(overall ? null : rs.getString(1), null, rs.getLong(3),
                            rs.getLong(4), money(rs.getBigDecimal(5)), money(rs.getBigDecimal(6)), money(rs.getBigDecimal(7)),
                            money(rs.getBigDecimal(8)), money(rs.getBigDecimal(9)), money(rs.getBigDecimal(10)),
                            money(rs.getBigDecimal(11)), money(rs.getBigDecimal(12)), money(rs.getBigDecimal(13)),
                            money(rs.getBigDecimal(14)));
                    if (overall) {
                        all[0] = row;
                    } else {
                        byScheme.add(row);
                    }
                    return row;
                })
                .list();
        return new Totals(List.copyOf(byScheme), all[0]);
    }

    /**
     * A year's settlements not reversed by month of the service date, scheme and visit type, in a region or all when
     * null: the same bills as {@link #spending}, one statement.
     */
    List<MonthlySpending.Month> months(int year, String region) {
        return jdbc.sql("""
                        select to_char(service_date, 'YYYY-MM'), scheme, visit_type, count(*), count(distinct person_id), sum(total),
                               sum(full_self_pay), sum(prior_self_pay), sum(policy_scope), sum(basic_fund), sum(catastrophic),
                               sum(supplementary), sum(assistance), sum(personal_account), sum(cash)
                        from settlement where year = ? and reversal_id is null and region_code like ?
                        group by 1, scheme, visit_type order by 1, scheme, visit_type""")
                .params(year, region == null ? "%" : Regions.likePattern(region))
                .query((rs, n) -> new MonthlySpending.Month(rs.getString(1), new FundReport.Spending(rs.getString(2),
                        rs.getString(3), rs.getLong(4), rs.getLong(5), money(rs.getBigDecimal(6)), money(rs.getBigDecimal(7)),
                        money(rs.getBigDecimal(8)), money(rs.getBigDecimal(9)), money(rs.getBigDecimal(10)),
                        money(rs.getBigDecimal(11)), money(rs.getBigDecimal(12)), money(rs.getBigDecimal(13)),
                        money(rs.getBigDecimal(14)), money(rs.getBigDecimal(15)))))
                .list();
    }

    /** A year's contributions (ContributionsCollected) by scheme and month, in a region or all when null. */
    List<IncomeReport.Month> income(int year, String region) {
        return jdbc.sql("""
                        select scheme, month, count(distinct person_id), sum(employer_contribution), sum(individual_contribution),
                               sum(account_allocation), sum(resident_contribution), sum(premium_subsidy), sum(fiscal_subsidy)
                        from contribution_income where month like ? and region_code like ?
                        group by scheme, month order by scheme, month""")
                .params(year + "-%", region == null ? "%" : Regions.likePattern(region))
                .query((rs, n) -> {
                    Money employer = money(rs.getBigDecimal(4));
                    Money individual = money(rs.getBigDecimal(5));
                    Money toAccounts = money(rs.getBigDecimal(6));
                    Money resident = money(rs.getBigDecimal(7));
                    Money premium = money(rs.getBigDecimal(8));
                    Money fiscal = money(rs.getBigDecimal(9));
                    return new IncomeReport.Month(rs.getString(1), rs.getString(2), rs.getLong(3), employer, individual,
                            toAccounts, resident, premium, fiscal,
                            employer.plus(individual).minus(toAccounts).plus(resident).plus(premium).plus(fiscal), Money.ZERO);
                })
                .list();
    }

    /** What personal accounts paid at settlement per month of a year (payments less restorations), by the bills' region. */
    java.util.Map<String, Money> accountSpending(int year, String region) {
        java.util.Map<String, Money> byMonth = new java.util.TreeMap<>();
        jdbc.sql("""
                        select to_char(e.statement_month, 'YYYY-MM'),
                               sum(case when e.kind = 'DEBIT' then e.amount else -e.amount end)
                        from account_entry e join settlement s on s.id = e.settlement_id
                        where e.kind in ('DEBIT', 'RESTORATION') and e.statement_month >= ? and e.statement_month < ?
                          and s.region_code like ?
                        group by 1""")
                .params(java.time.LocalDate.of(year, 1, 1), java.time.LocalDate.of(year + 1, 1, 1),
                        region == null ? "%" : Regions.likePattern(region))
                .query((rs, n) -> byMonth.put(rs.getString(1), money(rs.getBigDecimal(2))))
                .list();
        return byMonth;
    }

    /**
     * Maternity spending by scheme: prenatal care and deliveries settled in the year (not reversed) and allowances
     * granted in the year, in a region or all when null; a scheme with none of either has no row.
     */
    List<FundReport.Maternity> maternity(int year, String region) {
        String like = region == null ? "%" : Regions.likePattern(region);
        java.util.Map<String, long[]> counts = new java.util.TreeMap<>();
        java.util.Map<String, Money[]> paid = new java.util.TreeMap<>();
        jdbc.sql("""
                        select scheme, visit_type, count(*), coalesce(sum(basic_fund), 0)
                        from settlement where year = ? and reversal_id is null and region_code like ?
                          and visit_type in ('PRENATAL_CARE', 'DELIVERY')
                        group by scheme, visit_type""")
                .params(year, like)
                .query((rs, n) -> {
                    int i = "PRENATAL_CARE".equals(rs.getString(2)) ? 0 : 1;
                    counts.computeIfAbsent(rs.getString(1), k -> new long[3])[i] = rs.getLong(3);
                    paid.computeIfAbsent(rs.getString(1), k -> new Money[]{Money.ZERO, Money.ZERO, Money.ZERO})[i] = money(rs.getBigDecimal(4));
                    return null;
                })
                .list();
        jdbc.sql("""
                        select count(*), coalesce(sum(amount), 0) from maternity_allowance
                        where extract(year from granted_at at time zone 'Asia/Shanghai') = ? and region_code like ?""")
                .params(year, like)
                .query((rs, n) -> {
                    if (rs.getLong(1) > 0) {
                        counts.computeIfAbsent("EMPLOYEE", k -> new long[3])[2] = rs.getLong(1);
                        paid.computeIfAbsent("EMPLOYEE", k -> new Money[]{Money.ZERO, Money.ZERO, Money.ZERO})[2] = money(rs.getBigDecimal(2));
                    }
                    return null;
                })
                .list();
        return counts.keySet().stream().map(scheme -> {
            long[] c = counts.get(scheme);
            Money[] m = paid.get(scheme);
            return new FundReport.Maternity(scheme, c[0], m[0], c[1], m[1], c[2], m[2], m[0].plus(m[1]).plus(m[2]));
        }).toList();
    }

    private static Money money(BigDecimal amount) {
        return Money.of(amount);
    }
}
