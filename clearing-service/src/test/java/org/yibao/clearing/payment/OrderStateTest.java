package org.yibao.clearing.payment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An order is approved or superseded only while prepared; an approved order is final. */
class OrderStateTest {

    @Test
    void onlyAPreparedOrderMoves() {
        assertThat(OrderState.PREPARED.canBecome(OrderState.APPROVED)).isTrue();
        assertThat(OrderState.PREPARED.canBecome(OrderState.SUPERSEDED)).isTrue();
        assertThat(OrderState.APPROVED.canBecome(OrderState.SUPERSEDED)).isFalse();
        assertThat(OrderState.SUPERSEDED.canBecome(OrderState.APPROVED)).isFalse();
        assertThat(OrderState.PREPARED.canBecome(OrderState.PREPARED)).isFalse();
    }
}
