package org.yibao.gateway.security;

/** What the gateway's filters leave on an exchange for the audit line. */
public final class ExchangeAttributes {

    /** The verified {@link org.yibao.security.CallerIdentity}. */
    public static final String CALLER = "yibao.caller";
    /** Why the gateway refused the call (401, 403, 404 by policy, 429). */
    public static final String REFUSAL = "yibao.refusal";

    private ExchangeAttributes() {
    }
}
