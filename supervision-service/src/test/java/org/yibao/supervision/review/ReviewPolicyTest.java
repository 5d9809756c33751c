package org.yibao.supervision.review;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sample and the appeal deadline as data: reproducible, near its rate, checked at start-up. */
class ReviewPolicyTest {

    private final ReviewPolicy policy = ReviewPolicy.load();

    @Test
    void theShippedFileStatesItsAssumptions() {
        assertThat(policy.randomRate()).isEqualByComparingTo("0.05");
        assertThat(policy.valueThreshold()).isEqualTo(Money.of("20000.00"));
        assertThat(policy.appealDays()).isEqualTo(15);
        assertThat(policy.reasonCodes()).containsKeys("REPEATED_CHARGING", "OTHER");
        assertThat(policy.appealDeadline(LocalDate.of(2026, 4, 1))).isEqualTo(LocalDate.of(2026, 4, 16));
    }

    @Test
    void aClaimAtOrAboveTheThresholdIsSampledByValueAndTheRandomChoiceIsTheSameEveryTime() {
        assertThat(policy.sample("S-1", Money.of("20000.00"))).contains(ReviewReason.SAMPLED_VALUE);
        List<String> ids = IntStream.range(0, 20_000).mapToObj(i -> "settlement-" + i).toList();
        long sampled = ids.stream().filter(id -> policy.sample(id, Money.of("19999.99")).isPresent()).count();
        long again = ids.stream().filter(id -> policy.sample(id, Money.of("100.00")).isPresent()).count();

        assertThat(sampled).as("about 5% of 20,000").isBetween(850L, 1150L);
        assertThat(again).as("the same claims whatever their amount below the threshold").isEqualTo(sampled);
        assertThat(ids.stream().filter(id -> !policy.sample(id, Money.of("1.00")).equals(policy.sample(id, Money.of("1.00")))))
                .isEmpty();
    }

    @Test
    void aRateOfZeroSamplesNothingBelowTheThresholdAndOneSamplesEverything() {
        ReviewPolicy none = with("0", "100.00", 15);
        ReviewPolicy all = with("1", "100.00", 15);
        assertThat(none.sample("S-1", Money.of("99.99"))).isEmpty();
        assertThat(all.sample("S-1", Money.of("99.99"))).isEqualTo(Optional.of(ReviewReason.SAMPLED_RANDOM));
        assertThat(ReviewPolicy.draw("seed", "S-1")).isGreaterThanOrEqualTo(BigDecimal.ZERO).isLessThan(BigDecimal.ONE);
    }

    @Test
    void aBadFileIsRefusedNamingTheField() {
        assertThatThrownBy(() -> with("1.5", "100.00", 15)).hasMessageContaining("sampling.randomRate");
        assertThatThrownBy(() -> with("0.05", "0", 15)).hasMessageContaining("sampling.valueThreshold");
        assertThatThrownBy(() -> with("0.05", "100.001", 15)).hasMessageContaining("sampling.valueThreshold");
        assertThatThrownBy(() -> with("0.05", "100.00", 0)).hasMessageContaining("appeal.days");
        assertThatThrownBy(() -> ReviewPolicy.of("f.yml", new ReviewPolicy.File(new ReviewPolicy.Sampling("0.05", "s", "100.00"),
                new ReviewPolicy.Appeal(15), List.of(new ReviewPolicy.Reason("OTHER", "其他"), new ReviewPolicy.Reason("OTHER", "又一个")))))
                .hasMessageContaining("reasonCodes[1].code");
    }

    private static ReviewPolicy with(String rate, String threshold, int days) {
        return ReviewPolicy.of("f.yml", new ReviewPolicy.File(new ReviewPolicy.Sampling(rate, "s", threshold), new ReviewPolicy.Appeal(days),
                List.of(new ReviewPolicy.Reason("OTHER", "其他"))));
    }
}
