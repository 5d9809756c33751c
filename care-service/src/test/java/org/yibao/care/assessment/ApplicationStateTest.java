package org.yibao.care.assessment;

import org.junit.jupiter.api.Test;
import org.yibao.web.problem.ConflictException;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An application is assessed once, then decided once. */
class ApplicationStateTest {

    private final UUID id = UUID.randomUUID();

    @Test
    void openIsAssessedThenDecided() {
        assertThat(ApplicationState.OPEN.assess(id)).isEqualTo(ApplicationState.ASSESSED);
        assertThat(ApplicationState.ASSESSED.decide(id, true)).isEqualTo(ApplicationState.APPROVED);
        assertThat(ApplicationState.ASSESSED.decide(id, false)).isEqualTo(ApplicationState.REFUSED);
    }

    @Test
    void nothingIsDoneTwiceOrOutOfOrder() {
        assertThatThrownBy(() -> ApplicationState.OPEN.decide(id, true)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("only an assessed application is decided");
        assertThatThrownBy(() -> ApplicationState.ASSESSED.assess(id)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> ApplicationState.APPROVED.decide(id, false)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> ApplicationState.REFUSED.assess(id)).isInstanceOf(ConflictException.class);
    }
}
