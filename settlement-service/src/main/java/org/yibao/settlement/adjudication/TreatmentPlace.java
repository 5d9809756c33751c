package org.yibao.settlement.adjudication;

/** Where the person was treated, seen from the region whose policy pack pays. */
public enum TreatmentPlace {
    /** at an institution in the pack's region */
    LOCAL,
    /** outside the region, with a remote-treatment filing (异地就医备案) in force for that place */
    REMOTE_FILED,
    /** outside the region without a filing */
    REMOTE_UNFILED
}
