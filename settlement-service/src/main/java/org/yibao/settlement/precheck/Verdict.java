package org.yibao.settlement.precheck;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * Supervision's real-time audit verdict on a bill (事前事中审核). UNCHECKED means supervision could not
 * answer in time: the bill is settled and flagged for the after-the-fact audit, so a hospital's
 * patient is never held up by an audit outage.
 *
 * @param reasons  each finding in a sentence, as supervision words it
 * @param findings each rule the bill broke or looks like breaking, with its amount (issue 21); empty when
 *                 supervision answers none (an older supervision answers reasons only)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Verdict(Outcome outcome, List<String> reasons, List<Finding> findings) {

    public enum Outcome { PASS, WARN, BLOCK, UNCHECKED }

    public Verdict {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        findings = findings == null ? List.of() : findings.stream().filter(java.util.Objects::nonNull).toList();
    }

    /** A verdict with reasons only. */
    public Verdict(Outcome outcome, List<String> reasons) {
        this(outcome, reasons, List.of());
    }

    static Verdict unchecked(String why) {
        return new Verdict(Outcome.UNCHECKED, List.of(why));
    }
}
