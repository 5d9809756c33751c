package org.yibao.his.envelope;

import tools.jackson.databind.JsonNode;

import java.util.function.Function;

/**
 * One transaction code (infno) of the interface: who may call it, and what carries it out and gives
 * the {@code output} member of the answer. Listed in the one transaction table ({@link Transactions}).
 *
 * @param forPharmacies whether a designated retail pharmacy may call it. A pharmacy signs in, reads the
 *                      person and the accumulators and corrects its own messages; registrations,
 *                      admissions, fee uploads and hospital settlements are a hospital's (issue 17, input
 *                      8: a pharmacy's token opened admissions)
 * @param needsSignIn   whether it names a sign_no; sign-in (9001) is the only transaction without one
 */
public record Transaction(String infno, boolean forPharmacies, boolean needsSignIn, Function<Call, JsonNode> handler) {

    /** A transaction of hospitals only. */
    public static Transaction ofHospitals(String infno, Function<Call, JsonNode> handler) {
        return new Transaction(infno, false, true, handler);
    }

    /** A transaction of hospitals and pharmacies. */
    public static Transaction ofAll(String infno, Function<Call, JsonNode> handler) {
        return new Transaction(infno, true, true, handler);
    }

    /** The same transaction, called without a sign_no. */
    public Transaction withoutSignIn() {
        return new Transaction(infno, forPharmacies, false, handler);
    }

    /** Carries the transaction out and gives the {@code output} member of the answer. */
    public JsonNode handle(Call call) {
        return handler.apply(call);
    }
}
