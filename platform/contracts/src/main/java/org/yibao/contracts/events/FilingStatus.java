package org.yibao.contracts.events;

/** Whether a remote-treatment filing (异地就医备案) is in force. */
public enum FilingStatus {
    ACTIVE,
    CANCELLED
}
