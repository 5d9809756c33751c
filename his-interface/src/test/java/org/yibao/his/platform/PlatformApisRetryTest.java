package org.yibao.his.platform;

import org.junit.jupiter.api.Test;
import org.yibao.his.national.HisException;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A platform service's 503 (a transient fault there: its transaction rolled back) is sent again, the same request, at most
 * three times in all, after its Retry-After (issue 27); then the hospital is told to send the same message again.
 */
class PlatformApisRetryTest {

    @Test
    void aServiceUnavailableTwiceIsAnsweredTheThirdTime() {
        AtomicInteger calls = new AtomicInteger();

        String answer = PlatformApis.retrying("settlement", () -> {
            if (calls.incrementAndGet() < 3) {
                throw new PlatformApis.Unavailable("settlement refused (503): send the same request again", 1);
            }
            return "settled";
        });

        assertThat(answer).isEqualTo("settled");
        assertThat(calls).hasValue(3);
    }

    @Test
    void aServiceStillUnavailableAfterThreeAttemptsIsRefusedWithNothingChanged() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> PlatformApis.retrying("settlement", () -> {
            calls.incrementAndGet();
            throw new PlatformApis.Unavailable("settlement refused (503)", 1);
        })).isInstanceOf(HisException.class).hasMessageContaining("send the same message again");
        assertThat(calls).hasValue(PlatformApis.ATTEMPTS);
    }

    /** Only what may be done again is sent again: reads, a pre-settlement, a settlement (by its message id) — not a reversal. */
    @Test
    void onlyCallsSafeToRepeatAreSentAgain() {
        assertThat(PlatformApis.safeToRepeat("/api/settlement/settlements/x", null)).isTrue();
        assertThat(PlatformApis.safeToRepeat("/api/settlement/settlements", "bill")).isTrue();
        assertThat(PlatformApis.safeToRepeat("/api/settlement/pre-settlements", "bill")).isTrue();
        assertThat(PlatformApis.safeToRepeat("/api/settlement/institutions/H1/item-mappings/check", "lines")).isTrue();
        assertThat(PlatformApis.safeToRepeat("/api/settlement/settlements/x/reversal", "reason")).isFalse();
        assertThat(PlatformApis.safeToRepeat("/api/enrollment/persons/x/certifications", "filing")).isFalse();
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> PlatformApis.retrying("settlement", 1, () -> {
            calls.incrementAndGet();
            throw new PlatformApis.Unavailable("settlement refused (503)", 1);
        })).isInstanceOf(HisException.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void anyOtherRefusalIsNotSentAgain() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> PlatformApis.retrying("settlement", () -> {
            calls.incrementAndGet();
            throw new HisException("settlement refused (422): lines[0].quantity");
        })).isInstanceOf(HisException.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void retryAfterIsReadInSecondsAndBounded() {
        assertThat(PlatformApis.retryAfterMillis("1")).isEqualTo(1_000);
        assertThat(PlatformApis.retryAfterMillis("30")).isEqualTo(1_000);
        assertThat(PlatformApis.retryAfterMillis(null)).isEqualTo(200);
        assertThat(PlatformApis.retryAfterMillis("Wed, 21 Oct 2026 07:28:00 GMT")).isEqualTo(200);
    }
}
