package org.yibao.enrollment.contribution;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Wage bases over time (table {@code wage_base}) and the monthly postings (table {@code contribution_posting});
 * reads the enrollments and their periods (enrollment's tables) for what was true in a month.
 */
@Repository
class ContributionStore {

    private final JdbcClient jdbc;

    ContributionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The wage base from a day on (replacing one registered for the same day). */
    void saveWageBase(String personId, int year, LocalDate from, Money wageBase) {
        jdbc.sql("""
                        insert into wage_base (person_id, year, valid_from, wage_base) values (?, ?, ?, ?)
                        on conflict (person_id, year, valid_from) do update set wage_base = excluded.wage_base, recorded_at = now()""")
                .params(personId, year, from, wageBase.amount()).update();
    }

    /** An employee not yet posted for a month, with the facts true on its last day. */
    record Employee(String personId, String regionCode, PersonType personType, Money wageBase) {
    }

    /** A resident whose cover begins in a month, not yet posted for it. */
    record Resident(String personId, String regionCode, Money contribution, Money subsidy) {
    }

    /**
     * Employees enrolled on the month's last day (the period in force then ACTIVE), not yet posted for the
     * month, with their person type and wage base on that day (null when none was registered).
     */
    List<Employee> employeesToPost(YearMonth month) {
        LocalDate last = month.atEndOfMonth();
        return jdbc.sql("""
                        select e.person_id, e.region_code, p.person_type, w.wage_base
                        from enrollment e
                        join lateral (select person_type, status from enrollment_period p
                                      where p.person_id = e.person_id and p.year = e.year and p.valid_from <= ?
                                      order by p.valid_from desc limit 1) p on true
                        left join lateral (select wage_base from wage_base w
                                           where w.person_id = e.person_id and w.year = e.year and w.valid_from <= ?
                                           order by w.valid_from desc limit 1) w on true
                        where e.year = ? and e.scheme = 'EMPLOYEE' and e.effective_from <= ? and p.status = 'ACTIVE'
                          and not exists (select 1 from contribution_posting c where c.person_id = e.person_id and c.month = ?)
                        order by e.person_id""")
                .params(last, last, month.getYear(), last, month.toString())
                .query((rs, n) -> new Employee(rs.getString(1), rs.getString(2), PersonType.valueOf(rs.getString(3)),
                        money(rs.getBigDecimal(4))))
                .list();
    }

    /** Residents whose cover begins in the month, not yet posted. */
    List<Resident> residentsToPost(YearMonth month) {
        return jdbc.sql("""
                        select e.person_id, e.region_code, e.contribution, e.subsidy from enrollment e
                        where e.year = ? and e.scheme = 'RESIDENT' and e.effective_from between ? and ?
                          and not exists (select 1 from contribution_posting c where c.person_id = e.person_id and c.month = ?)
                        order by e.person_id""")
                .params(month.getYear(), month.atDay(1), month.atEndOfMonth(), month.toString())
                .query((rs, n) -> new Resident(rs.getString(1), rs.getString(2), Money.of(rs.getBigDecimal(3)),
                        Money.of(rs.getBigDecimal(4))))
                .list();
    }

    /** Records a person's month; false (nothing changed) when a concurrent posting recorded it first. */
    boolean insert(ContributionPosting p) {
        return jdbc.sql("""
                        insert into contribution_posting (person_id, month, region_code, scheme, person_type, wage_base,
                            employer_contribution, individual_contribution, account_allocation, resident_contribution,
                            premium_subsidy, fiscal_subsidy, rate_policy, posted_by, posted_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(p.personId(), p.month(), p.regionCode(), p.scheme().name(), p.personType().name(),
                        p.wageBase() == null ? null : p.wageBase().amount(), p.employer().amount(), p.individual().amount(),
                        p.toAccount().amount(), p.residentContribution().amount(), p.premiumSubsidy().amount(),
                        p.fiscalSubsidy().amount(), p.ratePolicy(), p.postedBy(), Timestamp.from(p.postedAt()))
                .update() == 1;
    }

    List<ContributionPosting> ofPerson(String personId) {
        return jdbc.sql("""
                        select person_id, month, region_code, scheme, person_type, wage_base, employer_contribution,
                               individual_contribution, account_allocation, resident_contribution, premium_subsidy,
                               fiscal_subsidy, rate_policy, posted_by, posted_at
                        from contribution_posting where person_id = ? order by month""")
                .param(personId).query(ContributionStore::read).list();
    }

    private static ContributionPosting read(ResultSet rs, int n) throws SQLException {
        return new ContributionPosting(rs.getString(1), rs.getString(2), rs.getString(3), Scheme.valueOf(rs.getString(4)),
                PersonType.valueOf(rs.getString(5)), money(rs.getBigDecimal(6)), Money.of(rs.getBigDecimal(7)),
                Money.of(rs.getBigDecimal(8)), Money.of(rs.getBigDecimal(9)), Money.of(rs.getBigDecimal(10)),
                Money.of(rs.getBigDecimal(11)), Money.of(rs.getBigDecimal(12)), rs.getString(13), rs.getString(14),
                rs.getTimestamp(15).toInstant());
    }

    private static Money money(BigDecimal amount) {
        return amount == null ? null : Money.of(amount);
    }
}
