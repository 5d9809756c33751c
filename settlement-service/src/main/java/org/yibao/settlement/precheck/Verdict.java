package org.yibao.settlement.precheck;

import java.util.List;

/**
 * Supervision's real-time audit verdict on a bill (事前事中审核). UNCHECKED means supervision could not
 * answer in time: the bill is settled and flagged for the after-the-fact audit, so a hospital's
 * patient is never held up by an audit outage.
 */
public record Verdict(Outcome outcome, List<String> reasons) {

    public enum Outcome { PASS, WARN, BLOCK, UNCHECKED }

    public Verdict {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    static Verdict unchecked(String why) {
        return new Verdict(Outcome.UNCHECKED, List.of(why));
    }
}
