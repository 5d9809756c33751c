package org.yibao.clearing.application;

import org.yibao.clearing.owed.ClearingPeriods;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Application event ids (机构清算申请事件ID, clr_appy_evt_id, at most 30 characters in the national layout):
 * 30 digits, the filing's second in Beijing time (yyyyMMddHHmmss) and 16 digits of a database sequence, so
 * unique across instances — the shape the his-interface gives its own national ids (mdtrt_id, setl_id).
 * Clearing gives them: it keeps the applications, and an id is known once the application is kept.
 */
final class ApplicationIds {

    static final String PATTERN = "[0-9]{30}";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ClearingPeriods.BEIJING);

    private ApplicationIds() {
    }

    static String of(Instant filedAt, long sequence) {
        return STAMP.format(filedAt) + String.format("%016d", Math.floorMod(sequence, 10_000_000_000_000_000L));
    }
}
