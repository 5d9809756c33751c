package org.yibao.settlement.account;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.money.Money;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Personal accounts and their ledger (tables {@code personal_account}, {@code account_entry}). Every
 * change takes the account's row lock first ({@link #lock}); a bill takes it after the person's
 * accumulator lock, so two bills on one account are applied one after the other and cannot overdraw it.
 */
@Repository
public class AccountStore {

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the holder's account for the rest of the transaction (opening it empty if needed) and reads its balance. */
    public Money lock(String holderId) {
        jdbc.sql("insert into personal_account (holder_id) values (?) on conflict do nothing").param(holderId).update();
        return jdbc.sql("select balance from personal_account where holder_id = ? for update").param(holderId)
                .query((rs, n) -> Money.of(rs.getBigDecimal(1))).single();
    }

    /** The balance without locking; empty when the holder has no account yet. */
    public Optional<Money> balance(String holderId) {
        return jdbc.sql("select balance from personal_account where holder_id = ?").param(holderId)
                .query((rs, n) -> Money.of(rs.getBigDecimal(1))).optional();
    }

    /**
     * Writes a line and moves the balance to its {@code balanceAfter}, under the lock taken by {@link #lock}.
     * False (nothing changed) when the line is already there: a month credited, a bill debited or restored once.
     */
    public boolean append(AccountEntry e) {
        int inserted = jdbc.sql("""
                        insert into account_entry (entry_id, holder_id, kind, amount, balance_after, statement_month,
                            contribution_month, settlement_id, patient_id, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(e.id(), e.holderId(), e.kind().name(), e.amount().amount(), e.balanceAfter().amount(),
                        e.statementMonth().atDay(1), e.contributionMonth(), e.settlementId(), e.patientId(),
                        Timestamp.from(e.recordedAt()))
                .update();
        if (inserted == 0) {
            return false;
        }
        jdbc.sql("update personal_account set balance = ?, updated_at = now() where holder_id = ?")
                .params(e.balanceAfter().amount(), e.holderId()).update();
        return true;
    }

    /** The bill's payment from an account, if an account paid towards it. */
    public Optional<AccountEntry> debitOf(UUID settlementId) {
        return jdbc.sql(SELECT + " where settlement_id = ? and kind = 'DEBIT'").param(settlementId).query(AccountStore::read).optional();
    }

    /** The holder's lines recorded in a month, in the order they were written (under the account's lock). */
    public List<AccountEntry> entries(String holderId, YearMonth month) {
        return jdbc.sql(SELECT + " where holder_id = ? and statement_month = ? order by seq")
                .params(holderId, month.atDay(1)).query(AccountStore::read).list();
    }

    /** The balance at the start of a month: every line recorded before it, summed with its sign. */
    public Money balanceBefore(String holderId, YearMonth month) {
        return jdbc.sql("""
                        select coalesce(sum(case when kind = 'DEBIT' then -amount else amount end), 0)
                        from account_entry where holder_id = ? and statement_month < ?""")
                .params(holderId, month.atDay(1)).query((rs, n) -> Money.of(rs.getBigDecimal(1))).single();
    }

    private static final String SELECT = """
            select entry_id, holder_id, kind, amount, balance_after, statement_month, contribution_month, settlement_id,
                   patient_id, recorded_at
            from account_entry""";

    private static AccountEntry read(ResultSet rs, int n) throws SQLException {
        return new AccountEntry(rs.getObject(1, UUID.class), rs.getString(2), AccountEntry.Kind.valueOf(rs.getString(3)),
                Money.of(rs.getBigDecimal(4)), Money.of(rs.getBigDecimal(5)), YearMonth.from(rs.getObject(6, LocalDate.class)),
                rs.getString(7), rs.getObject(8, UUID.class), rs.getString(9), rs.getTimestamp(10).toInstant());
    }
}
