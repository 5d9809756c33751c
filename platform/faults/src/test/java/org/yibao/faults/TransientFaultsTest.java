package org.yibao.faults;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class TransientFaultsTest {

    @Test
    void aConnectionLostOrALockLostPasses() {
        assertThat(TransientFaults.isTransient(new RuntimeException(new SQLException("terminating connection", "57P01")))).isTrue();
        assertThat(TransientFaults.isTransient(new SQLTransientConnectionException("no connection in 1000 ms"))).isTrue();
        assertThat(TransientFaults.isTransient(new SQLException("deadlock detected", "40P01"))).isTrue();
        assertThat(TransientFaults.isTransient(new QueryTimeoutException("timed out"))).isTrue();
    }

    @Test
    void aConnectionCutAtCommitIsTransientThoughItsRollbacksFailureCarriesNoState() {
        // an operator's case (issue 27): 57P01 at COMMIT, then the rollback fails on the closed connection; Spring throws
        // the rollback's failure, whose "Connection is closed" (HikariCP) has no SQL state
        TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        assertThat(TransientFaults.isTransient(rollbackFailed)).isTrue();
        TransactionSystemException withItsCause = new TransactionSystemException("JDBC rollback failed");
        withItsCause.initApplicationException(new SQLException("terminating connection due to administrator command", "57P01"));
        assertThat(TransientFaults.isTransient(withItsCause)).isTrue();
    }

    @Test
    void whatSendingAgainCannotMendDoesNotPass() {
        assertThat(TransientFaults.isTransient(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value", "23505")))).isFalse();
        assertThat(TransientFaults.isTransient(new SQLException("disk full", "53100"))).isFalse();
        assertThat(TransientFaults.isTransient(new IllegalStateException("a bug"))).isFalse();
        TransactionSystemException appFailed = new TransactionSystemException("rollback failed");
        appFailed.initApplicationException(new IllegalArgumentException("a bug in the request's handling"));
        assertThat(TransientFaults.isTransient(appFailed)).as("judged by the application's own failure").isFalse();
    }
}
