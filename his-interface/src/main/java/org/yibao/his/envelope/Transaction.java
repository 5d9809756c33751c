package org.yibao.his.envelope;

import tools.jackson.databind.JsonNode;

/** One transaction code (infno) of the interface. */
public interface Transaction {

    String infno();

    /** Sign-in (9001) is the only transaction without a sign_no. */
    default boolean needsSignIn() {
        return true;
    }

    /**
     * Whether a designated retail pharmacy may call it. A pharmacy signs in, reads the person and the
     * accumulators and corrects its own messages; registrations, admissions, fee uploads and hospital
     * settlements are a hospital's (issue 17, input 8: a pharmacy's token opened admissions).
     */
    default boolean forPharmacies() {
        return false;
    }

    /** Carries the transaction out and gives the {@code output} member of the answer. */
    JsonNode handle(Call call);
}
