package org.yibao.enrollment.contribution;

import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A region's employee contribution rates (职工基本医疗保险费率) from a year on, as written in one file of
 * {@code contribution-rates/} (each value's source is stated in the file: seed, national rule or ASSUMPTION).
 * Bound by Jackson (unknown keys refused) and checked by {@link EmployeeRateFiles}.
 *
 * @param region                   a city's or district's 6-digit code; a city's rates cover its districts
 * @param wageBaseFloor            the least monthly wage base (缴费基数下限), yuan
 * @param wageBaseCeiling          the greatest monthly wage base (缴费基数上限), yuan
 * @param employerRate             the employer's contribution (单位缴费) as a fraction of the wage base
 * @param individualRate           the individual's contribution (个人缴费) as a fraction of the wage base
 * @param individualToAccount      the fraction of the individual's contribution credited to the personal account
 * @param employerToAccount        the fraction of the employer's contribution credited to the account (0 after
 *                                 国办发〔2021〕14号: the employer's goes wholly to the pooled fund)
 * @param retireeMonthlyAllocation a retiree's fixed monthly credit (退休人员定额划入), yuan, from the pooled fund;
 *                                 retirees contribute nothing
 */
public record EmployeeRates(String region, Integer fromYear, Money wageBaseFloor, Money wageBaseCeiling,
                            BigDecimal employerRate, BigDecimal individualRate, BigDecimal individualToAccount,
                            BigDecimal employerToAccount, Money retireeMonthlyAllocation) {

    /** One month of an active employee's contributions and account credit; every amount rounded half up to the fen once. */
    public record Month(Money employer, Money individual, Money toAccount) {
    }

    /** How a file names itself in an event: {@code region-fromYear}. */
    public String name() {
        return region + "-" + fromYear;
    }

    /**
     * An active employee's month on a wage base: employer = base x employerRate, individual = base x
     * individualRate, account = individual x individualToAccount + employer x employerToAccount.
     */
    public Month activeMonth(Money wageBase) {
        Money employer = wageBase.times(employerRate, RoundingMode.HALF_UP);
        Money individual = wageBase.times(individualRate, RoundingMode.HALF_UP);
        Money toAccount = individual.times(individualToAccount, RoundingMode.HALF_UP)
                .plus(employer.times(employerToAccount, RoundingMode.HALF_UP));
        return new Month(employer, individual, toAccount);
    }

    /** Whether a monthly wage base lies within the floor and ceiling. */
    public boolean admits(Money wageBase) {
        return wageBase.compareTo(wageBaseFloor) >= 0 && wageBase.compareTo(wageBaseCeiling) <= 0;
    }
}
