package org.yibao.supervision.audit;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.events.AuditRule;
import org.yibao.contracts.events.ClaimSettled;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yibao.supervision.audit.Claims.DAY;
import static org.yibao.supervision.audit.Claims.claim;
import static org.yibao.supervision.audit.Claims.inpatient;
import static org.yibao.supervision.audit.Claims.line;
import static org.yibao.supervision.audit.Claims.stay;
import static org.yibao.supervision.audit.Claims.withStays;

class TwoPlacesAtOnceTest {

    private final TwoPlacesAtOnce rule = new TwoPlacesAtOnce();
    private final ClaimSettled here = inpatient("S-2", "H2", DAY, List.of("K35.9"), line("S120100001", "40.00"));

    @Test
    void anInpatientStayElsewhereOnTheSameDayNamesTheOtherStay() {
        List<Finding> found = rule.check(withStays(here, stay("S-1", "H1", DAY, "J18.9")));

        assertThat(found).containsExactly(new Finding(AuditRule.TWO_PLACES_AT_ONCE, List.of("S-1"), Money.of("40.00"),
                "inpatient at H2 and at H1 on 2026-03-20"));
        assertThat(rule.rule()).isEqualTo(AuditRule.TWO_PLACES_AT_ONCE);
    }

    @Test
    void theSameInstitutionOrAnotherDayIsNotTwoPlaces() {
        assertThat(rule.check(withStays(here, stay("S-1", "H2", DAY, "J18.9")))).isEmpty();
        assertThat(rule.check(withStays(here, stay("S-1", "H1", DAY.minusDays(1), "J18.9")))).isEmpty();
    }

    @Test
    void everyOtherPlaceIsAFindingInTheStaysOrder() {
        assertThat(rule.check(withStays(here, stay("S-1", "H1", DAY), stay("S-0", "H3", DAY))))
                .extracting(Finding::related).containsExactly(List.of("S-1"), List.of("S-0"));
    }

    @Test
    void onlyAnInpatientClaimIsJudged() {
        ClaimSettled visit = claim("S-2", VisitType.GENERAL_OUTPATIENT, "H2", DAY, List.of("K35.9"), line("S120100001", "40.00"));

        assertThat(rule.check(withStays(visit, stay("S-1", "H1", DAY, "J18.9")))).isEmpty();
    }
}
