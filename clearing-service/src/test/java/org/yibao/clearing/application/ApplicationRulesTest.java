package org.yibao.clearing.application;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.money.Money;
import org.yibao.web.problem.FieldProblem;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.problem.RefusedException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pure rules of a clearing application: its month, its reconciliation, its id, its state. */
class ApplicationRulesTest {

    private static final YearMonth NOW = YearMonth.of(2026, 12);

    @Test
    void anApplicationAgreesWhenTheMonthsStatementEqualsWhatThePlatformOwesToTheFen() {
        ApplicationReconciliation r = ApplicationReconciliation.of(Money.of("1800.00"), Money.of("100.00"), Money.of("1800"),
                Money.of("100.0"));

        assertThat(r.agrees()).isTrue();
        assertThat(r.differences()).isEmpty();
    }

    @Test
    void eachAmountThatDiffersIsNamedWithBothSidesAndTheDifference() {
        ApplicationReconciliation r = ApplicationReconciliation.of(Money.of("1850.00"), Money.of("90.00"), Money.of("1800.00"),
                Money.of("100.00"));

        assertThat(r.agrees()).isFalse();
        assertThat(r.differences()).containsExactly(
                new ApplicationReconciliation.Difference("fundAmount", Money.of("1850.00"), Money.of("1800.00"), Money.of("50.00")),
                new ApplicationReconciliation.Difference("accountAmount", Money.of("90.00"), Money.of("100.00"), Money.of("-10.00")));
    }

    @Test
    void onlyTheAmountThatDiffersIsNamed() {
        ApplicationReconciliation r = ApplicationReconciliation.of(Money.of("0.01"), Money.ZERO, Money.ZERO, Money.ZERO);

        assertThat(r.differences()).extracting(ApplicationReconciliation.Difference::amount).containsExactly("fundAmount");
        assertThat(r.differences().get(0).difference()).isEqualTo(Money.of("0.01"));
    }

    @Test
    void thePeriodIsTheMonthOfBothDates() {
        assertThat(ApplicationPeriod.of(YearMonth.of(2026, 10), LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), NOW))
                .isEqualTo(YearMonth.of(2026, 10));
        assertThat(ApplicationPeriod.of(YearMonth.of(2026, 11), LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 30), NOW))
                .isEqualTo(YearMonth.of(2026, 11));
    }

    @Test
    void datesOfTwoMonthsAreRefusedNamingEndDate() {
        assertThatThrownBy(() -> ApplicationPeriod.of(YearMonth.of(2026, 10), LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1), NOW))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertNames(e, "endDate"))
                .hasMessageContaining("one month");
    }

    @Test
    void anEndBeforeTheBeginIsRefusedNamingEndDate() {
        assertThatThrownBy(() -> ApplicationPeriod.of(YearMonth.of(2026, 10), LocalDate.of(2026, 10, 20), LocalDate.of(2026, 10, 19), NOW))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertNames(e, "endDate"));
    }

    @Test
    void aPeriodThatIsNotTheDatesMonthIsRefusedNamingPeriod() {
        assertThatThrownBy(() -> ApplicationPeriod.of(YearMonth.of(2026, 9), LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), NOW))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertNames(e, "period"));
    }

    @Test
    void aMonthNotEndedIsRefused() {
        assertThatThrownBy(() -> ApplicationPeriod.of(NOW, NOW.atDay(1), NOW.atDay(1), NOW))
                .isInstanceOf(RefusedException.class).hasMessageContaining("period: 2026-12 has not ended");
    }

    @Test
    void anIdIsThirtyDigitsOfTheBeijingSecondAndTheSequence() {
        String id = ApplicationIds.of(Instant.parse("2026-11-30T16:00:01Z"), 42);

        assertThat(id).isEqualTo("20261201000001" + "0000000000000042").matches(ApplicationIds.PATTERN);
    }

    @Test
    void onlyAnApplicationInForceIsCancelled() {
        assertThat(ApplicationState.IN_FORCE.cancel()).isEqualTo(ApplicationState.CANCELLED);
        assertThatThrownBy(ApplicationState.CANCELLED::cancel).isInstanceOf(IllegalStateException.class);
    }

    private static void assertNames(InvalidRequestException e, String field) {
        assertThat(e.problems()).extracting(FieldProblem::field).containsExactly(field);
    }
}
