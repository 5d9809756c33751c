package org.yibao.security.access;

/**
 * What the access policy says about one call.
 *
 * @param reason why a call is refused, for the problem answer and the audit line; null when allowed
 */
public record AccessDecision(Outcome outcome, String reason) {

    public enum Outcome {
        ALLOWED,
        /** A rule covers the call but not this caller: 403. */
        FORBIDDEN,
        /** No rule covers the call, so no API exists there for anyone: 404 (deny by default). */
        NO_RULE
    }

    static final AccessDecision ALLOW = new AccessDecision(Outcome.ALLOWED, null);

    public boolean allowed() {
        return outcome == Outcome.ALLOWED;
    }
}
