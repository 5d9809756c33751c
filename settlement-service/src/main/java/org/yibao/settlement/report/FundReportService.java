package org.yibao.settlement.report;

import org.springframework.stereotype.Service;
import org.yibao.contracts.money.Money;
import org.springframework.transaction.annotation.Transactional;

/** The funds' yearly spending report (基金支出), what the bureau's monthly and year-end clearing starts from. */
@Service
class FundReportService {

    private final FundReportStore store;

    FundReportService(FundReportStore store) {
        this.store = store;
    }

    /** @param region a 6-digit division code (everything under it), or null for all regions */
    @Transactional(readOnly = true)
    FundReport report(int year, String region) {
        FundReportStore.Totals totals = store.totals(year, region);
        return new FundReport(year, region, store.spending(year, region), store.maternity(year, region), totals.byScheme(),
                totals.all());
    }

    /** The year's spending by month of the service date, scheme and visit type (issue 25). */
    @Transactional(readOnly = true)
    MonthlySpending months(int year, String region) {
        return new MonthlySpending(year, region, store.months(year, region));
    }

    /**
     * The funds' income by scheme, month and source, with the personal accounts' spending per month (on the
     * EMPLOYEE rows; a month with spending and no posted contributions has a row of its own).
     */
    @Transactional(readOnly = true)
    IncomeReport income(int year, String region) {
        java.util.List<IncomeReport.Month> months = new java.util.ArrayList<>();
        java.util.Map<String, Money> spending = new java.util.TreeMap<>(store.accountSpending(year, region));
        for (IncomeReport.Month m : store.income(year, region)) {
            Money spent = m.scheme().equals("EMPLOYEE") ? spending.remove(m.month()) : null;
            months.add(spent == null ? m : new IncomeReport.Month(m.scheme(), m.month(), m.persons(), m.employerContributions(),
                    m.individualContributions(), m.toAccounts(), m.residentContributions(), m.premiumSubsidies(),
                    m.fiscalSubsidies(), m.pooledFund(), spent));
        }
        spending.forEach((month, spent) -> months.add(new IncomeReport.Month("EMPLOYEE", month, 0, Money.ZERO, Money.ZERO,
                Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, spent)));
        months.sort(java.util.Comparator.comparing(IncomeReport.Month::scheme).thenComparing(IncomeReport.Month::month));
        return new IncomeReport(year, region, months);
    }
}
