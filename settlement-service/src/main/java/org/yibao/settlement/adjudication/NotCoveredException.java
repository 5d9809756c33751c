package org.yibao.settlement.adjudication;

/** The policy pack has no rule for this visit (type, institution level or person type). */
public class NotCoveredException extends RuntimeException {
    public NotCoveredException(String message) {
        super(message);
    }
}
