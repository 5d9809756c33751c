package org.yibao.supervision.audit;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.events.AuditRule;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yibao.supervision.audit.Claims.DAY;
import static org.yibao.supervision.audit.Claims.alone;
import static org.yibao.supervision.audit.Claims.claim;
import static org.yibao.supervision.audit.Claims.line;

class PriceAboveCeilingTest {

    private final PriceAboveCeiling rule = new PriceAboveCeiling();

    @Test
    void aClassALineWithSelfPayIsBilledAboveTheCeilingForTheSelfPaidPart() {
        List<Finding> found = rule.check(alone(claim("S-1", VisitType.GENERAL_OUTPATIENT, "H1", DAY, List.of("I10"),
                line("S120100001", "40.00"), line("XC08CAA001", ItemClass.A, "14.00", "5.60"))));

        assertThat(found).containsExactly(new Finding(AuditRule.PRICE_ABOVE_CEILING, List.of(), Money.of("5.60"),
                "XC08CAA001 billed at 14.00 a unit, 5.60 above the catalog ceiling"));
        assertThat(rule.rule()).isEqualTo(AuditRule.PRICE_ABOVE_CEILING);
    }

    @Test
    void oneFenOfSelfPayIsEnoughAndNoneIsClean() {
        assertThat(rule.check(alone(claim("S-1", VisitType.INPATIENT, "H1", DAY, List.of("I10"),
                line("S1", ItemClass.A, "40.00", "0.01"))))).extracting(Finding::amountAtRisk).containsExactly(Money.of("0.01"));
        assertThat(rule.check(alone(claim("S-1", VisitType.INPATIENT, "H1", DAY, List.of("I10"),
                line("S1", ItemClass.A, "40.00", "0.00"))))).isEmpty();
    }

    @Test
    void selfPayOnAClassBOrCLineIsThePolicysOwnShareNotAPriceAboveTheCeiling() {
        assertThat(rule.check(alone(claim("S-1", VisitType.INPATIENT, "H1", DAY, List.of("I10"),
                line("S1", ItemClass.B, "40.00", "4.00"), line("S2", ItemClass.C, "10.00", "10.00"))))).isEmpty();
    }

    @Test
    void everyLineAboveTheCeilingIsAFindingInTheBillsOrder() {
        List<Finding> found = rule.check(alone(claim("S-1", VisitType.PHARMACY, "P1", DAY, List.of(),
                line("X2", ItemClass.A, "20.00", "2.00"), line("X1", ItemClass.A, "10.00", "1.00"))));

        assertThat(found).extracting(Finding::amountAtRisk).containsExactly(Money.of("2.00"), Money.of("1.00"));
    }
}
