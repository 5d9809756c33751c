package org.yibao.security.access;

/**
 * Which objects a hospital, pharmacy or department admitted to an operation may act on: the
 * operation's ownership rule, declared once in the access policy beside who may call it. Staff act
 * for the bureau and are bounded by their roles (and, where a service says so, by their name: case
 * work, inspections). The authorization matrix test of every service requires a proof that a foreign
 * institution or department is refused for each operation whose rule is {@link #REQUEST},
 * {@link #OBJECT} or {@link #FILTERED}.
 */
public enum Ownership {
    /** Only staff are admitted: no institution or department is involved. */
    STAFF_ONLY,
    /** Reference data the bureau publishes to every admitted caller (policy packs, VBP batches). */
    PUBLIC,
    /**
     * A person's coverage facts, readable by any admitted institution treating the person (the
     * national interface's 1101 and 5206 work the same way). ASSUMPTION: not yet narrowed to persons
     * with an open visit at the institution; every read is in the gateway's audit log.
     */
    PERSON,
    /** The institution or department named in the request (body or path) must be the caller's own. */
    REQUEST,
    /** The object the path names carries its institution (who settled or filed it); it must be the caller's own. */
    OBJECT,
    /** A list answered to an institution holds only that institution's own objects. */
    FILTERED;

    /** Whether the authorization matrix needs a proof that a foreign caller is refused. */
    public boolean needsProof() {
        return this == REQUEST || this == OBJECT || this == FILTERED;
    }
}
