package org.yibao.messaging.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The consumers' commit interval: a second by default, refused at start-up when it is not at least a millisecond. */
class CommitIntervalTest {

    @Test
    void aSecondByDefaultAndAtLeastAMillisecond() {
        MessagingProperties.Consumer consumer = new MessagingProperties.Consumer();
        assertThat(consumer.getCommitInterval()).isEqualTo(Duration.ofSeconds(1));

        consumer.setCommitInterval(Duration.ofMillis(200));
        assertThat(consumer.getCommitInterval()).isEqualTo(Duration.ofMillis(200));

        assertThatThrownBy(() -> consumer.setCommitInterval(Duration.ZERO)).hasMessageContaining("commit-interval");
        assertThatThrownBy(() -> consumer.setCommitInterval(null)).hasMessageContaining("commit-interval");
        assertThat(consumer.getCommitInterval()).as("unchanged by a refusal").isEqualTo(Duration.ofMillis(200));
    }
}
