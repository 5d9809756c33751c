package org.yibao.supervision.audit;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.events.AuditRule;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.yibao.supervision.audit.Claims.DAY;
import static org.yibao.supervision.audit.Claims.alone;
import static org.yibao.supervision.audit.Claims.claim;
import static org.yibao.supervision.audit.Claims.entry;
import static org.yibao.supervision.audit.Claims.line;
import static org.yibao.supervision.audit.Claims.priced;
import static org.yibao.supervision.audit.Claims.withCatalog;

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

    // --- with the catalog in force on the service date (supervision's copy of CatalogChanged) ---

    private final Map<InstitutionLevel, Money> levels = Map.of(InstitutionLevel.LEVEL_2, Money.of("10.00"));

    @Test
    void aClassBLineAtItsLevelsCeilingIsCleanAndOneFenAboveIsFoundForEveryUnit() {
        List<Finding> atCeiling = rule.check(withCatalog(claim("S-1", VisitType.INPATIENT, "H1", DAY, List.of("I10"),
                priced("XB1", ItemClass.B, "3", "10.00", "3.00")), InstitutionLevel.LEVEL_2, entry("XB1", ItemClass.B, "12.00", levels)));
        List<Finding> aFenAbove = rule.check(withCatalog(claim("S-1", VisitType.INPATIENT, "H1", DAY, List.of("I10"),
                priced("XB1", ItemClass.B, "3", "10.01", "3.00")), InstitutionLevel.LEVEL_2, entry("XB1", ItemClass.B, "12.00", levels)));

        assertThat(atCeiling).isEmpty();
        assertThat(aFenAbove).containsExactly(new Finding(AuditRule.PRICE_ABOVE_CEILING, List.of(), Money.of("0.03"),
                "XB1 (目录名称) billed at 10.01 a unit, above the catalog ceiling of 10.00 at LEVEL_2 institutions: 0.03 on 3 units"));
    }

    @Test
    void aLevelWithoutItsOwnCeilingOrAnUnknownInstitutionIsHeldToTheGeneralCeiling() {
        assertThat(rule.check(withCatalog(claim("S-1", VisitType.INPATIENT, "H1", DAY, List.of("I10"),
                priced("XB1", ItemClass.B, "1", "12.00", "1.20")), InstitutionLevel.LEVEL_3, entry("XB1", ItemClass.B, "12.00", levels))))
                .isEmpty();
        assertThat(rule.check(withCatalog(claim("S-1", VisitType.INPATIENT, "H1", DAY, List.of("I10"),
                priced("XB1", ItemClass.B, "2", "12.01", "2.40")), InstitutionLevel.LEVEL_3, entry("XB1", ItemClass.B, "12.00", levels))))
                .extracting(Finding::amountAtRisk, Finding::evidence)
                .containsExactly(tuple(Money.of("0.02"),
                        "XB1 (目录名称) billed at 12.01 a unit, above the catalog ceiling of 12.00: 0.02 on 2 units"));
        assertThat(rule.check(withCatalog(claim("S-1", VisitType.INPATIENT, "H1", DAY, List.of("I10"),
                priced("XB1", ItemClass.B, "1", "10.50", "1.05")), null, entry("XB1", ItemClass.B, "12.00", levels)))).isEmpty();
    }

    @Test
    void theAmountAboveIsRoundedHalfUpToTheFenOnceForTheLine() {
        // 0.005 a unit above, once: half up gives 0.01 (half even would give 0.00)
        assertThat(rule.check(withCatalog(claim("S-1", VisitType.INPATIENT, "H1", DAY, List.of("I10"),
                priced("XA1", ItemClass.A, "1", "10.005", "0.01")), InstitutionLevel.LEVEL_2, entry("XA1", ItemClass.A, "10.00", Map.of()))))
                .extracting(Finding::amountAtRisk).containsExactly(Money.of("0.01"));
        // 0.0004 a unit above on 2.5 units is 0.001: nothing at risk to the fen
        assertThat(rule.check(withCatalog(claim("S-1", VisitType.INPATIENT, "H1", DAY, List.of("I10"),
                priced("XA1", ItemClass.A, "2.5", "10.0004", "0.00")), InstitutionLevel.LEVEL_2, entry("XA1", ItemClass.A, "10.00", Map.of()))))
                .isEmpty();
        // 0.3333 a unit above on 28 units is 9.3324: 9.33
        assertThat(rule.check(withCatalog(claim("S-1", VisitType.INPATIENT, "H1", DAY, List.of("I10"),
                priced("XA1", ItemClass.A, "28", "0.8333", "9.33")), InstitutionLevel.LEVEL_2, entry("XA1", ItemClass.A, "0.50", Map.of()))))
                .extracting(Finding::amountAtRisk).containsExactly(Money.of("9.33"));
    }

    @Test
    void whenTheCatalogListsTheItemItsCeilingDecidesNotTheSelfPay() {
        // self-pay on a class A line within its ceiling (e.g. a restricted-payment condition not met) is no price above it
        assertThat(rule.check(withCatalog(claim("S-1", VisitType.INPATIENT, "H1", DAY, List.of("I10"),
                priced("XA1", ItemClass.A, "28", "0.30", "8.40")), InstitutionLevel.LEVEL_2, entry("XA1", ItemClass.A, "0.50", Map.of()))))
                .isEmpty();
        // an entry without a ceiling, and a class C line above one, are no finding either
        assertThat(rule.check(withCatalog(claim("S-1", VisitType.INPATIENT, "H1", DAY, List.of("I10"),
                priced("XA1", ItemClass.A, "1", "99.00", "9.00"), priced("XC1", ItemClass.C, "1", "99.00", "99.00")),
                InstitutionLevel.LEVEL_2, entry("XA1", ItemClass.A, null, Map.of()), entry("XC1", ItemClass.C, "1.00", Map.of()))))
                .isEmpty();
    }

    @Test
    void aClassALineTheCatalogDoesNotListIsStillJudgedByItsSelfPay() {
        List<Finding> found = rule.check(withCatalog(claim("S-1", VisitType.INPATIENT, "H1", DAY, List.of("I10"),
                priced("XA9", ItemClass.A, "1", "14.00", "5.60"), priced("XB9", ItemClass.B, "1", "14.00", "5.60")),
                InstitutionLevel.LEVEL_2, entry("XA1", ItemClass.A, "0.50", Map.of())));

        assertThat(found).extracting(Finding::evidence).containsExactly("XA9 billed at 14.00 a unit, 5.60 above the catalog ceiling");
    }
}
