package org.yibao.contracts.events;

public enum EnrollmentStatus {
    ACTIVE,
    SUSPENDED,
    TERMINATED
}
