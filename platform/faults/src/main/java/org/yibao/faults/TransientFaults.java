package org.yibao.faults;

import java.util.Set;

/**
 * Whether a failure is transient: the same request or event tried again may succeed (ADR 0027). The services answer such a
 * failure 503 with Retry-After (web-support's ProblemDetailsAdvice); the event consumers retry it for as long as it lasts
 * instead of dead-lettering the event (messaging's error handler).
 */
public final class TransientFaults {

    /**
     * SQL states of a fault that passes (PostgreSQL's codes): a connection lost, not made or refused (08000, 08001, 08003,
     * 08004, 08006), a serialization failure or deadlock (40001, 40P01), a lock not got in time (55P03), a statement
     * cancelled on a timeout (57014), the server shutting down or the backend terminated (57P01, 57P02, 57P03), too many
     * connections (53300). Any other state — a disk full, a row too large, a wrong password, a protocol violation — is not
     * made right by trying again.
     */
    public static final Set<String> TRANSIENT_STATES = Set.of("08000", "08001", "08003", "08004", "08006", "40001", "40P01",
            "55P03", "57014", "57P01", "57P02", "57P03", "53300");

    private TransientFaults() {
    }

    /**
     * Among the failure's causes, first, a JDBC transient or recoverable exception (a connection not to be had from the pool
     * in time) or an SQL state of {@link #TRANSIENT_STATES}; or, where no cause carries either, a transient data-access
     * failure (a lock or serialization lost, a query timed out) or a transaction that could not begin. A transaction whose
     * rollback failed on the broken connection is judged by the fault that broke it (Spring keeps it as the application
     * exception, outside the causes); a commit or rollback that failed itself is transient (its outcome unknown: the same
     * request sent again with the same key finds it).
     */
    public static boolean isTransient(Throwable e) {
        boolean transientKind = false;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // a rollback (or commit) that failed on the broken connection hides the fault that broke it: judge that one
            if (t instanceof org.springframework.transaction.TransactionSystemException tx) {
                if (tx.getApplicationException() != null && tx.getApplicationException() != t) {
                    return isTransient(tx.getApplicationException());
                }
                // the commit or rollback itself failed on the connection (a connection cut at COMMIT: Spring logs "commit
                // exception overridden by rollback exception" and throws the rollback's "connection is closed", which
                // carries no SQL state): the outcome is unknown and the same request, sent again, finds it
                return true;
            }
            if (t instanceof java.sql.SQLTransientException || t instanceof java.sql.SQLRecoverableException) {
                return true; // JDBC's own word: may succeed when retried (the pool's "no connection in time" among them)
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return TRANSIENT_STATES.contains(sql.getSQLState());
            }
            transientKind |= t instanceof org.springframework.dao.TransientDataAccessException
                    || t instanceof org.springframework.transaction.CannotCreateTransactionException;
        }
        return transientKind;
    }
}
