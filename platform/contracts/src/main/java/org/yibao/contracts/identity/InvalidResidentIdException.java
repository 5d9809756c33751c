package org.yibao.contracts.identity;

/** A resident id that fails GB 11643; the message says why and never repeats the id. */
public class InvalidResidentIdException extends IllegalArgumentException {
    public InvalidResidentIdException(String reason) {
        super(reason);
    }
}
