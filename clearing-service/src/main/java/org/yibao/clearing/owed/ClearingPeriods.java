package org.yibao.clearing.owed;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Set;

/**
 * The clearing period (清算期) of an entry: the Beijing month of its event (a claim's settledAt, a
 * reversal's reversedAt), or, when the institution's month is closed already (its payment order approved),
 * the earliest open month after it — a reversal of a closed month's bill is netted from the next payment.
 * An institution's months close in order: an approved order of a month closes every month before it too,
 * so the earliest open month is the one after the latest closed.
 */
public final class ClearingPeriods {

    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private ClearingPeriods() {
    }

    /** The Beijing month of an instant. */
    public static YearMonth monthOf(Instant at) {
        return YearMonth.from(at.atZone(BEIJING));
    }

    /** The month itself when after every closed month, else the month after the latest closed. */
    public static YearMonth earliestOpen(YearMonth month, Set<YearMonth> closed) {
        YearMonth latestClosed = closed.stream().max(YearMonth::compareTo).orElse(null);
        return latestClosed == null || month.isAfter(latestClosed) ? month : latestClosed.plusMonths(1);
    }
}
