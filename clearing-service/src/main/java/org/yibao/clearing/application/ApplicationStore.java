package org.yibao.clearing.application;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.money.Money;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** Clearing applications (table {@code clearing_application}). */
@Repository
class ApplicationStore {

    private static final String COLUMNS = """
            application_id, institution_code, message_id, period, clearing_type, clearing_way, begin_date, end_date, visits,
            medical_fee_total, eligible_fee_total, fund_amount, cash_amount, account_amount, month_fund_stated, month_account_stated,
            platform_fund_owed, platform_account_owed, state, filed_by, filed_at, cancelled_by, cancelled_at""";

    private final JdbcClient jdbc;

    ApplicationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next value of the application id's sequence. */
    long nextSequence() {
        return jdbc.sql("select nextval('clearing_application_seq')").query(Long.class).single();
    }

    void insert(ClearingApplication a) {
        ApplicationReconciliation r = a.reconciliation();
        jdbc.sql("insert into clearing_application (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(a.applicationId(), a.institutionCode(), a.messageId(), a.period(), a.clearingType().name(), a.clearingWay(),
                        a.beginDate(), a.endDate(), a.visits(), a.medicalFeeTotal().amount(), a.eligibleFeeTotal().amount(),
                        a.fundAmount().amount(), a.cashAmount().amount(), a.accountAmount().amount(), r.monthFundStated().amount(),
                        r.monthAccountStated().amount(), r.platformFundOwed().amount(), r.platformAccountOwed().amount(),
                        a.state().name(), a.filedBy(), Timestamp.from(a.filedAt()), a.cancelledBy(),
                        a.cancelledAt() == null ? null : Timestamp.from(a.cancelledAt()))
                .update();
    }

    void markCancelled(ClearingApplication a) {
        jdbc.sql("update clearing_application set state = ?, cancelled_by = ?, cancelled_at = ? where application_id = ?")
                .params(a.state().name(), a.cancelledBy(), Timestamp.from(a.cancelledAt()), a.applicationId())
                .update();
    }

    Optional<ClearingApplication> find(String applicationId) {
        return jdbc.sql("select " + COLUMNS + " from clearing_application where application_id = ?")
                .param(applicationId).query(ApplicationStore::row).optional();
    }

    Optional<ClearingApplication> byMessage(String institutionCode, String messageId) {
        return jdbc.sql("select " + COLUMNS + " from clearing_application where institution_code = ? and message_id = ?")
                .params(institutionCode, messageId).query(ApplicationStore::row).optional();
    }

    /** The institution's applications in force for a month, every clearing type. */
    List<ClearingApplication> inForce(String institutionCode, YearMonth period) {
        return jdbc.sql("select " + COLUMNS + " from clearing_application where institution_code = ? and period = ? and state = 'IN_FORCE'"
                        + " order by filed_at, application_id")
                .params(institutionCode, period.toString()).query(ApplicationStore::row).list();
    }

    /** A month's applications, in force or cancelled, of one institution or (null) of every institution. */
    List<ClearingApplication> ofPeriod(YearMonth period, String institutionCode) {
        return jdbc.sql("select " + COLUMNS + " from clearing_application where period = ? and (cast(? as varchar) is null or institution_code = ?)"
                        + " order by institution_code, filed_at, application_id")
                .params(period.toString(), institutionCode, institutionCode).query(ApplicationStore::row).list();
    }

    private static ClearingApplication row(ResultSet rs, int n) throws SQLException {
        ApplicationReconciliation reconciliation = ApplicationReconciliation.of(money(rs, "month_fund_stated"),
                money(rs, "month_account_stated"), money(rs, "platform_fund_owed"), money(rs, "platform_account_owed"));
        Timestamp cancelledAt = rs.getTimestamp("cancelled_at");
        return new ClearingApplication(rs.getString("application_id"), rs.getString("institution_code"), rs.getString("message_id"),
                rs.getString("period"), ClearingType.valueOf(rs.getString("clearing_type")), rs.getString("clearing_way"),
                rs.getObject("begin_date", java.time.LocalDate.class), rs.getObject("end_date", java.time.LocalDate.class),
                rs.getInt("visits"), money(rs, "medical_fee_total"), money(rs, "eligible_fee_total"), money(rs, "fund_amount"),
                money(rs, "cash_amount"), money(rs, "account_amount"), ApplicationState.valueOf(rs.getString("state")), reconciliation,
                rs.getString("filed_by"), rs.getTimestamp("filed_at").toInstant(), rs.getString("cancelled_by"),
                cancelledAt == null ? null : cancelledAt.toInstant());
    }

    private static Money money(ResultSet rs, String column) throws SQLException {
        return Money.of(rs.getBigDecimal(column));
    }
}
