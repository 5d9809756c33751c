package org.yibao.procurement.consumption;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which institutions fall behind on a batch's agreed volumes, and by how much. */
class InstitutionBehindTest {

    private static final BigDecimal ELAPSED = new BigDecimal("50.00");

    @Test
    void listsEachInstitutionWithAProductBehindWithItsCountsAndLowestCompletionByCode() {
        List<Completion> report = List.of(
                row("H41170000002", "A", "99.00"),
                row("H41170000001", "A", "10.00"),
                row("H41170000001", "B", "95.00"),
                row("H41170000001", "C", "3.50"),
                row("H41170000000", "A", "0.00"));

        assertThat(InstitutionBehind.of(report)).containsExactly(
                new InstitutionBehind("H41170000000", 1, 1, new BigDecimal("0.00")),
                new InstitutionBehind("H41170000001", 3, 2, new BigDecimal("3.50")));
    }

    @Test
    void nobodyIsListedWhenAllAreOnPace() {
        assertThat(InstitutionBehind.of(List.of(row("H41170000001", "A", "50.00"), row("H41170000002", "A", "80.00")))).isEmpty();
        assertThat(InstitutionBehind.of(List.of())).isEmpty();
    }

    private static Completion row(String institution, String item, String completion) {
        BigDecimal percent = new BigDecimal(completion);
        return new Completion(institution, item, "g", new BigDecimal("100"), percent, BigDecimal.ZERO, BigDecimal.ZERO, percent,
                ELAPSED, percent.compareTo(ELAPSED) < 0, new BigDecimal("100.00"), Money.ZERO);
    }
}
