package org.yibao.clearing.application;

/**
 * The state of a clearing application (清算申请): in force from its filing until the institution cancels it
 * (清算申请撤销, 3204). A cancelled application stays cancelled; the institution files a new one.
 */
public enum ApplicationState {
    IN_FORCE,
    CANCELLED;

    /**
     * The state after a cancellation; only an application in force is cancelled (the service answers a
     * cancelled one as it is, so that a retried 3204 changes nothing).
     *
     * @throws IllegalStateException when already cancelled
     */
    ApplicationState cancel() {
        if (this != IN_FORCE) {
            throw new IllegalStateException("a " + this + " application cannot be cancelled");
        }
        return CANCELLED;
    }
}
