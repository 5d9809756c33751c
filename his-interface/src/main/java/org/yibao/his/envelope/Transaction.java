package org.yibao.his.envelope;

import tools.jackson.databind.JsonNode;

/** One transaction code (infno) of the interface. */
public interface Transaction {

    String infno();

    /** Sign-in (9001) is the only transaction without a sign_no. */
    default boolean needsSignIn() {
        return true;
    }

    /** Carries the transaction out and gives the {@code output} member of the answer. */
    JsonNode handle(Call call);
}
