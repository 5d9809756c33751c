package org.yibao.clearing.deduction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.money.Money;

import java.sql.Timestamp;
import java.util.List;

/** Deductions and recoveries (table {@code deduction}). */
@Repository
class DeductionStore {

    private final JdbcClient jdbc;

    DeductionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records one once: false when this source and kind was recorded already (a redelivery). */
    boolean insert(Deduction d) {
        return jdbc.sql("""
                        insert into deduction (source_id, kind, institution_code, settlement_id, amount, reason, occurred_at)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(d.sourceId(), d.kind().name(), d.institutionCode(), d.settlementId(), d.amount().amount(), d.reason(),
                        Timestamp.from(d.occurredAt()))
                .update() == 1;
    }

    boolean exists(String sourceId, Deduction.Kind kind) {
        return jdbc.sql("select count(*) from deduction where source_id = ? and kind = ?")
                .params(sourceId, kind.name()).query(Integer.class).single() > 0;
    }

    /** Records that a recovery names a claim (once). */
    void insertRecoveryClaim(String caseId, String institutionCode, String settlementId) {
        jdbc.sql("insert into recovery_claim (case_id, institution_code, settlement_id) values (?, ?, ?) on conflict do nothing")
                .params(caseId, institutionCode, settlementId).update();
    }

    /** Whether a recovery of the institution names the claim. */
    boolean recoveryNames(String institutionCode, String settlementId) {
        return jdbc.sql("select count(*) from recovery_claim where institution_code = ? and settlement_id = ?")
                .params(institutionCode, settlementId).query(Integer.class).single() > 0;
    }

    /** The deduction (kind DEDUCTION) of a source, if there is one. */
    java.util.Optional<Deduction> deduction(String sourceId) {
        return jdbc.sql("""
                        select source_id, kind, institution_code, settlement_id, amount, reason, occurred_at, netted_in from deduction
                        where source_id = ? and kind = 'DEDUCTION'""")
                .param(sourceId).query(DeductionStore::deduction).optional();
    }

    /** What is still deducted for a source: its deduction net of its give-backs (zero without a deduction). */
    Money stillDeducted(String sourceId) {
        return Money.of(jdbc.sql("""
                        select coalesce(sum(amount), 0) from deduction
                        where source_id = ? and kind in ('DEDUCTION', 'DEDUCTION_RETURNED', 'APPEAL_GIVEN_BACK')""")
                .param(sourceId).query(java.math.BigDecimal.class).single());
    }

    /** Marks what an order netted: each only while still outstanding; the number marked. */
    int markNetted(String orderId, List<Deduction> netted) {
        int marked = 0;
        for (Deduction d : netted) {
            marked += jdbc.sql("update deduction set netted_in = ? where source_id = ? and kind = ? and netted_in is null")
                    .params(orderId, d.sourceId(), d.kind().name()).update();
        }
        return marked;
    }

    /** The institution's deductions and recoveries not netted yet, oldest first. */
    List<Deduction> outstanding(String institutionCode) {
        return jdbc.sql("""
                        select source_id, kind, institution_code, settlement_id, amount, reason, occurred_at, netted_in from deduction
                        where institution_code = ? and netted_in is null order by occurred_at, source_id, kind""")
                .param(institutionCode)
                .query(DeductionStore::deduction)
                .list();
    }

    /** The deductions (kind DEDUCTION) confirmed on a claim of an institution. */
    List<Deduction> confirmedOn(String institutionCode, String settlementId) {
        return jdbc.sql("""
                        select source_id, kind, institution_code, settlement_id, amount, reason, occurred_at, netted_in from deduction
                        where institution_code = ? and settlement_id = ? and kind = 'DEDUCTION' order by source_id""")
                .params(institutionCode, settlementId)
                .query(DeductionStore::deduction)
                .list();
    }

    private static Deduction deduction(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Deduction(rs.getString(1), Deduction.Kind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                Money.of(rs.getBigDecimal(5)), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8));
    }
}
