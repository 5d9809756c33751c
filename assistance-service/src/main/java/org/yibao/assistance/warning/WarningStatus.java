package org.yibao.assistance.warning;

/**
 * Where a dual warning stands: OPEN until answered, then CONFIRMED or REJECTED once (by the
 * rural-revitalization department's feedback file or an officer's confirmation; stored as {@code feedback},
 * null while open).
 */
public enum WarningStatus {
    OPEN,
    CONFIRMED,
    REJECTED;

    static WarningStatus of(String feedback) {
        return feedback == null ? OPEN : valueOf(feedback);
    }
}
