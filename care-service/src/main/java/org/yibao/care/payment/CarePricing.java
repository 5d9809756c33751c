package org.yibao.care.payment;

import org.yibao.care.benefit.Benefit;
import org.yibao.care.policy.CarePolicy;
import org.yibao.contracts.events.CareLevel;
import org.yibao.contracts.events.CareSetting;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * What the long-term care fund pays for a beneficiary's days of one month (pure: no I/O). The days are
 * cut into periods of one care level (a reassessment changes the level from its date). Each period is
 * priced by the region's standard for its level and setting:
 * <ul>
 *   <li>institution care (机构护理): days x the daily standard (yuan a day), exact;</li>
 *   <li>home care (居家护理): the monthly standard x days / the month's days, HALF_UP to the fen (a whole
 *       month is the monthly standard exactly).</li>
 * </ul>
 * Only the days given are priced (the days the person was enrolled: a gap starts a new period).
 * The fund pays the periods' sum (the standard amount) x the setting's fund ratio, HALF_UP to the fen once;
 * the person's share is the rest. Source: the care policy files (ASSUMPTION where they say so).
 */
public final class CarePricing {

    private CarePricing() {
    }

    /** Days of the month at one level and their standard amount. */
    public record Period(CareLevel level, LocalDate from, LocalDate to, int days, Money amount) {
    }

    /** A priced month: its periods, the standard amount, what the fund pays and the person's share (yuan). */
    public record Priced(List<Period> periods, Money standardAmount, Money fundPaid, Money personShare) {
        public int days() {
            return periods.stream().mapToInt(Period::days).sum();
        }
    }

    /**
     * Prices the days {@code from} to {@code to} (inclusive, within one month and within the benefit) of a
     * benefit in its setting.
     *
     * @throws IllegalArgumentException when the days leave one month or the benefit, or a level has no standard
     */
    public static Priced price(CarePolicy policy, Benefit benefit, LocalDate from, LocalDate to) {
        if (!YearMonth.from(to).equals(YearMonth.from(from)) || to.isBefore(from)) {
            throw new IllegalArgumentException("the days " + from + " to " + to + " are not within one month");
        }
        return price(policy, benefit, from.datesUntil(to.plusDays(1)).toList());
    }

    /**
     * Prices some days of one month (all within the benefit, not necessarily consecutive: the days of care the
     * person was enrolled, say) of a benefit in its setting. A period is a run of consecutive days at one level;
     * a gap (a day not paid) starts a new period.
     *
     * @throws IllegalArgumentException when there is no day, the days leave one month or the benefit, or a level has no standard
     */
    public static Priced price(CarePolicy policy, Benefit benefit, Collection<LocalDate> days) {
        List<LocalDate> sorted = new TreeSet<>(days).stream().toList();
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("no day to price");
        }
        LocalDate from = sorted.get(0);
        LocalDate to = sorted.get(sorted.size() - 1);
        YearMonth month = YearMonth.from(from);
        if (!YearMonth.from(to).equals(month)) {
            throw new IllegalArgumentException("the days " + from + " to " + to + " are not within one month");
        }
        for (LocalDate day : sorted) {
            if (!benefit.covers(day)) {
                throw new IllegalArgumentException("the days " + from + " to " + to + " are not all within the benefit");
            }
        }
        CareSetting setting = benefit.setting();
        CarePolicy.Standard standard = policy.in(setting);
        List<Period> periods = new ArrayList<>();
        int i = 0;
        while (i < sorted.size()) {
            LocalDate start = sorted.get(i);
            CareLevel level = benefit.levelOn(start);
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1).equals(sorted.get(j).plusDays(1))
                    && benefit.levelOn(sorted.get(j + 1)) == level) {
                j++;
            }
            LocalDate end = sorted.get(j);
            int count = j - i + 1;
            Money rate = standard.of(level).orElseThrow(() -> new IllegalArgumentException(
                    "region " + policy.regionCode() + " has no " + setting + " standard for " + level));
            Money amount = setting == CareSetting.INSTITUTION
                    ? rate.times(BigDecimal.valueOf(count), RoundingMode.UNNECESSARY)
                    : Money.of(rate.amount().multiply(BigDecimal.valueOf(count))
                            .divide(BigDecimal.valueOf(month.lengthOfMonth()), Money.SCALE, RoundingMode.HALF_UP));
            periods.add(new Period(level, start, end, count, amount));
            i = j + 1;
        }
        Money total = Money.sum(periods.stream().map(Period::amount).toList());
        Money fund = total.times(standard.fundRatio(), RoundingMode.HALF_UP);
        return new Priced(periods, total, fund, total.minus(fund));
    }
}
