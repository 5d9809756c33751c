package org.yibao.assistance.tracking;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.contracts.identity.IdMasking;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** What assistance tracking answers: a person's year, the reports by category, the tilted-assistance candidates. */
@Service
@Transactional(readOnly = true)
public class AssistanceReports {

    private final ClaimStore claims;

    AssistanceReports(ClaimStore claims) {
        this.claims = claims;
    }

    /**
     * A person's assistance received in a year and what remains of the annual limit (医疗救助年度限额).
     * The limit is the one settlement applied (from the policy pack, ClaimSettled.assistanceLimit) on the
     * person's latest claim of the year still standing, by service date; null, with remaining null, when
     * that claim carried none (no category then, or a pack paying none) or there is no claim yet.
     *
     * @param category      the person's assistance category (the merged identity) if its period touches the
     *                      year, else null
     * @param limitCategory the category the limit was applied for (may differ from {@code category} until
     *                      the person's next claim after a change), or null
     * @param remaining     yuan: the limit less the assistance received so far (reversals give back), never below 0
     */
    public record PersonYear(String personId, int year, String category, Money total, Money assistance, Money personalPayment,
                             String limitCategory, Money annualLimit, Money remaining) {
    }

    /**
     * By assistance category: assisted person-times and amounts, and the reimbursement ratios in
     * percent (2 decimals, half up): all funds paid over the policy scope, and over the total.
     */
    public record CategoryReport(String category, long personTimes, long persons, Money assistance, Money total,
                                 Money policyScope, Money fundsPaid, BigDecimal policyScopeRatio, BigDecimal overallRatio) {
    }

    /** A candidate for tilted assistance (倾斜救助), id masked. */
    public record TiltedCase(String personId, String category, Money assistance, Money annualLimit, Money personalPayment) {
    }

    public PersonYear personYear(String personId, int year) {
        ClaimStore.PersonYear y = claims.personYear(personId, year);
        Money remaining = y.annualLimit() == null ? null : y.annualLimit().minus(y.assistance()).max(Money.ZERO);
        return new PersonYear(personId, year, name(y.currentCategory()), y.total(), y.assistance(), y.personalPayment(),
                name(y.limitCategory()), y.annualLimit(), remaining);
    }

    /** Reversed claims are left out; {@code regionLikePattern} selects the region and its subdivisions. */
    public List<CategoryReport> reports(int year, String regionLikePattern) {
        return claims.totalsByCategory(year, regionLikePattern).stream()
                .map(t -> new CategoryReport(t.category(), t.personTimes(), t.persons(), t.assistance(), t.total(),
                        t.policyScope(), t.fundsPaid(), percent(t.fundsPaid(), t.policyScope()), percent(t.fundsPaid(), t.total())))
                .toList();
    }

    /**
     * Low-income people whose assistance in the year reached the annual limit settlement applied to
     * them, and who still pay out of pocket; largest personal payment first.
     */
    public List<TiltedCase> tiltedCases(int year) {
        return claims.reachedTheirLimit(year).stream()
                .map(t -> new TiltedCase(IdMasking.mask(t.personId()), t.category().name(), t.assistance(), t.annualLimit(),
                        t.personalPayment()))
                .toList();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    static BigDecimal percent(Money part, Money whole) {
        return whole.amount().signum() == 0 ? BigDecimal.ZERO.setScale(2)
                : part.amount().multiply(BigDecimal.valueOf(100)).divide(whole.amount(), 2, RoundingMode.HALF_UP);
    }
}
