package org.yibao.contracts.events;

/** Kinds of designated institutions (定点医药机构). */
public enum InstitutionKind {
    HOSPITAL,
    CLINIC,
    PHARMACY
}
