package org.yibao.contracts.events;

/** State of a designated institution's service agreement (协议). */
public enum AgreementStatus {
    ACTIVE,
    SUSPENDED,
    TERMINATED
}
