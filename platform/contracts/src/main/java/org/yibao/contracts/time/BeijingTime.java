package org.yibao.contracts.time;

import java.time.ZoneId;

/**
 * The platform's time zone: China Standard Time (北京时间, UTC+8, no daylight saving), in which a
 * bureau's days, months and years begin and end (a bill's service date, a monthly export, a working
 * day), whatever zone a server runs in. The one place it is named.
 */
public final class BeijingTime {

    /** Asia/Shanghai, the IANA name of China Standard Time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BeijingTime() {
    }
}
