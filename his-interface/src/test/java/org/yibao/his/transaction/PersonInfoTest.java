package org.yibao.his.transaction;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 1101's identity period: an identity valid through 31 December ends at that day's last second, not at
 * its first (found by this stop's black-box test: "endtime":"2026-12-31 00:00:00").
 */
class PersonInfoTest {

    @Test
    void anIdentityValidThroughADayEndsAtItsLastSecond() {
        assertThat(PersonInfo.endOfDay("2026-12-31")).isEqualTo("2026-12-31 23:59:59");
        assertThat(PersonInfo.endOfDay(null)).isNull();
    }
}
