package org.yibao.care.payment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.events.CareLevel;
import org.yibao.contracts.events.CareSetting;
import org.yibao.contracts.money.Money;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The fund's payments, the institutions' bills and the home-care runs (tables {@code care_payment}, {@code care_bill}, {@code home_care_run}). */
@Repository
class PaymentStore {

    private final JdbcClient jdbc;

    PaymentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens a bill; false (nothing changed) when the institution has a bill for the month already. */
    boolean insertBill(UUID billId, String institutionCode, YearMonth month, String submittedBy, Instant submittedAt) {
        return jdbc.sql("""
                        insert into care_bill (bill_id, institution_code, month, submitted_by, submitted_at, standard_amount,
                            fund_paid, person_share) values (?, ?, ?, ?, ?, 0, 0, 0) on conflict do nothing""")
                .params(billId, institutionCode, month.atDay(1), submittedBy, Timestamp.from(submittedAt))
                .update() == 1;
    }

    void billTotals(UUID billId, Money standard, Money fund, Money share) {
        jdbc.sql("update care_bill set standard_amount = ?, fund_paid = ?, person_share = ? where bill_id = ?")
                .params(standard.amount(), fund.amount(), share.amount(), billId).update();
    }

    /** Records a payment and its periods; false (nothing changed) when the benefit was paid for the month and setting already. */
    boolean insertPayment(Payment p) {
        boolean inserted = jdbc.sql("""
                        insert into care_payment (payment_id, benefit_id, person_id, region_code, setting, institution_code, month,
                            bill_id, standard_amount, fund_paid, person_share, paid_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (benefit_id, month, setting) do nothing""")
                .params(p.paymentId(), p.benefitId(), p.personId(), p.regionCode(), p.setting().name(), p.institutionCode(),
                        p.month().atDay(1), p.billId(), p.standardAmount().amount(), p.fundPaid().amount(), p.personShare().amount(),
                        Timestamp.from(p.paidAt()))
                .update() == 1;
        if (inserted) {
            for (CarePricing.Period period : p.periods()) {
                jdbc.sql("""
                                insert into care_payment_period (payment_id, first_day, last_day, level, days, amount)
                                values (?, ?, ?, ?, ?, ?)""")
                        .params(p.paymentId(), period.from(), period.to(), period.level().name(), period.days(), period.amount().amount())
                        .update();
            }
        }
        return inserted;
    }

    /** Records that a month's home care was run; false when it had been already. */
    boolean insertRun(YearMonth month, String runBy, Instant runAt) {
        return jdbc.sql("insert into home_care_run (month, run_by, run_at) values (?, ?, ?) on conflict do nothing")
                .params(month.atDay(1), runBy, Timestamp.from(runAt)).update() == 1;
    }

    Optional<Bill> bill(String institutionCode, YearMonth month) {
        return jdbc.sql("""
                        select bill_id, institution_code, month, submitted_by, submitted_at, standard_amount, fund_paid, person_share
                        from care_bill where institution_code = ? and month = ?""")
                .params(institutionCode, month.atDay(1))
                .query((rs, n) -> new Bill(rs.getObject(1, UUID.class), rs.getString(2), YearMonth.from(rs.getObject(3, LocalDate.class)),
                        rs.getString(4), rs.getTimestamp(5).toInstant(), List.of(), money(rs, 6), money(rs, 7), money(rs, 8)))
                .optional()
                .map(b -> new Bill(b.billId(), b.institutionCode(), b.month(), b.submittedBy(), b.submittedAt(), linesOf(b.billId()),
                        b.standardAmount(), b.fundPaid(), b.personShare()));
    }

    /** The home-care payments of a month. */
    List<Payment> homePayments(YearMonth month) {
        return payments("where setting = 'HOME' and month = ?", month.atDay(1));
    }

    private List<Payment> linesOf(UUID billId) {
        return payments("where bill_id = ?", billId);
    }

    private List<Payment> payments(String where, Object param) {
        List<Payment> rows = jdbc.sql("""
                        select payment_id, benefit_id, person_id, region_code, setting, institution_code, month, bill_id,
                               standard_amount, fund_paid, person_share, paid_at from care_payment""" + " " + where + " order by person_id")
                .param(param)
                .query((rs, n) -> new Payment(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        CareSetting.valueOf(rs.getString(5)), rs.getString(6), YearMonth.from(rs.getObject(7, LocalDate.class)),
                        rs.getObject(8, UUID.class), List.of(), money(rs, 9), money(rs, 10), money(rs, 11), rs.getTimestamp(12).toInstant()))
                .list();
        return rows.stream().map(p -> new Payment(p.paymentId(), p.benefitId(), p.personId(), p.regionCode(), p.setting(),
                p.institutionCode(), p.month(), p.billId(), periods(p.paymentId()), p.standardAmount(), p.fundPaid(), p.personShare(),
                p.paidAt())).toList();
    }

    private List<CarePricing.Period> periods(UUID paymentId) {
        return jdbc.sql("select level, first_day, last_day, days, amount from care_payment_period where payment_id = ? order by first_day")
                .param(paymentId)
                .query((rs, n) -> new CarePricing.Period(CareLevel.valueOf(rs.getString(1)), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getInt(4), money(rs, 5)))
                .list();
    }

    private static Money money(ResultSet rs, int column) throws SQLException {
        return Money.of(rs.getBigDecimal(column));
    }
}
