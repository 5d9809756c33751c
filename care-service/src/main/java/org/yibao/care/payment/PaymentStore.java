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
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The fund's payments, the institutions' bills and the home-care runs (tables {@code care_payment},
 * {@code care_payment_period}, {@code care_payment_day}: a benefit's day is paid once; {@code care_bill},
 * {@code home_care_run}).
 */
@Repository
class PaymentStore {

    private final JdbcClient jdbc;

    PaymentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Opens a bill of an institution's month and answers its number: 1 for the month's bill, 2, 3... for its
     * supplementary bills. The institution's month is locked for the transaction (bills of it are numbered one
     * after the other).
     */
    int openBill(UUID billId, String institutionCode, YearMonth month, String submittedBy, Instant submittedAt) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("care_bill:" + institutionCode + ":" + month)
                .query((rs, n) -> 0).list();
        int sequence = jdbc.sql("select coalesce(max(sequence), 0) + 1 from care_bill where institution_code = ? and month = ?")
                .params(institutionCode, month.atDay(1)).query(Integer.class).single();
        jdbc.sql("""
                        insert into care_bill (bill_id, institution_code, month, sequence, submitted_by, submitted_at, standard_amount,
                            fund_paid, person_share) values (?, ?, ?, ?, ?, ?, 0, 0, 0)""")
                .params(billId, institutionCode, month.atDay(1), sequence, submittedBy, Timestamp.from(submittedAt))
                .update();
        return sequence;
    }

    void billTotals(UUID billId, Money standard, Money fund, Money share) {
        jdbc.sql("update care_bill set standard_amount = ?, fund_paid = ?, person_share = ? where bill_id = ?")
                .params(standard.amount(), fund.amount(), share.amount(), billId).update();
    }

    /**
     * Records a payment, its periods and its days; false when one of its days had been paid already (by a
     * transaction committed meanwhile): the caller refuses, and its transaction changes nothing.
     */
    boolean insertPayment(Payment p) {
        jdbc.sql("""
                        insert into care_payment (payment_id, benefit_id, person_id, region_code, setting, institution_code, month,
                            bill_id, standard_amount, fund_paid, person_share, paid_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.paymentId(), p.benefitId(), p.personId(), p.regionCode(), p.setting().name(), p.institutionCode(),
                        p.month().atDay(1), p.billId(), p.standardAmount().amount(), p.fundPaid().amount(), p.personShare().amount(),
                        Timestamp.from(p.paidAt()))
                .update();
        int days = 0;
        for (CarePricing.Period period : p.periods()) {
            jdbc.sql("""
                            insert into care_payment_period (payment_id, first_day, last_day, level, days, amount)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(p.paymentId(), period.from(), period.to(), period.level().name(), period.days(), period.amount().amount())
                    .update();
            days += jdbc.sql("""
                            insert into care_payment_day (benefit_id, day, payment_id)
                            select ?, d::date, ? from generate_series(?::date, ?::date, interval '1 day') d
                            on conflict (benefit_id, day) do nothing""")
                    .params(p.benefitId(), p.paymentId(), period.from(), period.to())
                    .update();
        }
        return days == p.days();
    }

    /** The days from {@code first} to {@code last} of a benefit that were paid already. */
    Set<LocalDate> paidDays(UUID benefitId, LocalDate first, LocalDate last) {
        return new TreeSet<>(jdbc.sql("select day from care_payment_day where benefit_id = ? and day between ? and ?")
                .params(benefitId, first, last).query((rs, n) -> rs.getObject(1, LocalDate.class)).list());
    }

    /** Records that a month's home care was run; false when it had been already. */
    boolean insertRun(YearMonth month, String runBy, Instant runAt) {
        return jdbc.sql("insert into home_care_run (month, run_by, run_at) values (?, ?, ?) on conflict do nothing")
                .params(month.atDay(1), runBy, Timestamp.from(runAt)).update() == 1;
    }

    /** An institution's bills of a month, the month's bill first, then its supplementary bills. */
    List<Bill> bills(String institutionCode, YearMonth month) {
        List<Bill> bills = jdbc.sql("""
                        select bill_id, institution_code, month, sequence, submitted_by, submitted_at, standard_amount, fund_paid,
                               person_share
                        from care_bill where institution_code = ? and month = ? order by sequence""")
                .params(institutionCode, month.atDay(1))
                .query((rs, n) -> new Bill(rs.getObject(1, UUID.class), rs.getString(2), YearMonth.from(rs.getObject(3, LocalDate.class)),
                        rs.getInt(4), rs.getString(5), rs.getTimestamp(6).toInstant(), List.of(), money(rs, 7), money(rs, 8),
                        money(rs, 9)))
                .list();
        return bills.stream().map(b -> new Bill(b.billId(), b.institutionCode(), b.month(), b.sequence(), b.submittedBy(),
                b.submittedAt(), linesOf(b.billId()), b.standardAmount(), b.fundPaid(), b.personShare())).toList();
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
