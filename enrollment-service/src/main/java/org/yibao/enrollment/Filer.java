package org.yibao.enrollment;

import org.yibao.security.CallerIdentity;

/**
 * Who filed a certification application or a remote-treatment filing, from the caller's token (never
 * from a body): the client id (a hospital's HIS client, or the staff member), and the hospital's
 * institution code when a hospital filed it (null when bureau staff did). A hospital later withdraws or
 * cancels only what it filed itself.
 */
public record Filer(String clientId, String institution) {

    public static Filer of(CallerIdentity caller) {
        return new Filer(caller.clientId(), caller.actsForInstitution() ? caller.institution() : null);
    }
}
