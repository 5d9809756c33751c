package org.yibao.city.expect;

import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;

/**
 * An employee rates file of enrollment-service ({@code contribution-rates/<city>-<year>.yml}, ADR 0020), read by the
 * simulator itself: what a month credits to a personal account (个人账户划入). Written from the file's documented
 * meaning, not from enrollment's code: an active employee's month is the individual's contribution (wage base x
 * individualRate) x individualToAccount plus the employer's (wage base x employerRate) x employerToAccount, each
 * contribution and each share rounded half up to the fen; a retiree's is the fixed retireeMonthlyAllocation.
 */
public record ContributionRates(String file, String region, int fromYear, Money wageBaseFloor, Money wageBaseCeiling,
                                BigDecimal employerRate, BigDecimal individualRate, BigDecimal individualToAccount,
                                BigDecimal employerToAccount, Money retireeMonthlyAllocation) {

    /** The simulated city's rate files (Zhumadian), copied from enrollment-service's resources at build time. */
    public static final List<String> CITY = List.of("zhumadian-2021", "zhumadian-2022");

    /** The city's file in force in a year: the latest whose fromYear is not after it. */
    public static ContributionRates city(int year) {
        return CITY.stream().map(ContributionRates::resource).filter(r -> r.fromYear() <= year)
                .max(Comparator.comparingInt(ContributionRates::fromYear))
                .orElseThrow(() -> new IllegalStateException("no rates file of the city's in force in " + year));
    }

    public static ContributionRates resource(String name) {
        return of(DataFile.resource("contribution-rates/" + name + ".yml"));
    }

    static ContributionRates of(DataFile f) {
        var r = f.root;
        f.only(r, "", "region", "fromYear", "wageBaseFloor", "wageBaseCeiling", "employerRate", "individualRate",
                "individualToAccount", "employerToAccount", "retireeMonthlyAllocation");
        ContributionRates rates = new ContributionRates(f.file, f.required(r, "", "region").asString(),
                f.integer(f.required(r, "", "fromYear"), "fromYear"),
                f.money(f.required(r, "", "wageBaseFloor"), "wageBaseFloor"), f.money(f.required(r, "", "wageBaseCeiling"), "wageBaseCeiling"),
                f.ratio(f.required(r, "", "employerRate"), "employerRate"), f.ratio(f.required(r, "", "individualRate"), "individualRate"),
                f.ratio(f.required(r, "", "individualToAccount"), "individualToAccount"),
                f.ratio(f.required(r, "", "employerToAccount"), "employerToAccount"),
                f.money(f.required(r, "", "retireeMonthlyAllocation"), "retireeMonthlyAllocation"));
        if (rates.wageBaseFloor.compareTo(rates.wageBaseCeiling) > 0) {
            throw f.refused("wageBaseFloor", "is above the ceiling");
        }
        return rates;
    }

    /** One month's credit to the account of an employee of this type (an active one's on their wage base). */
    public Money monthlyCredit(PersonType type, Money wageBase) {
        if (type == PersonType.EMPLOYEE_RETIRED) {
            return retireeMonthlyAllocation;
        }
        if (type != PersonType.EMPLOYEE_ACTIVE) {
            return Money.ZERO; // 城乡居民医保不设个人账户
        }
        Money individual = wageBase.times(individualRate, RoundingMode.HALF_UP);
        Money employer = wageBase.times(employerRate, RoundingMode.HALF_UP);
        return individual.times(individualToAccount, RoundingMode.HALF_UP).plus(employer.times(employerToAccount, RoundingMode.HALF_UP));
    }

    public boolean admits(Money wageBase) {
        return wageBase.compareTo(wageBaseFloor) >= 0 && wageBase.compareTo(wageBaseCeiling) <= 0;
    }
}
