package org.yibao.supervision.review;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** All SQL of claim review: the queue, decisions and their deductions, appeals and their lines. */
@Repository
class ReviewStore {

    private static final String COLUMNS = """
            review_id, settlement_id, institution, reason, status, total, fund_paid, queued_at, decided_by, decided_at,
            deducted, decision_note, appeal_deadline""";

    private final JdbcClient jdbc;

    ReviewStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Queues a kept claim once (its total and fund-paid amount as kept; a claim kept before fund-paid was kept
     * counts its total); a FLAGGED reason replaces a sampled one while the review is open (reviewed first). False
     * when the claim was queued already (with the same or a stronger reason) or is not kept.
     */
    boolean queue(UUID id, String settlementId, ReviewReason reason, Instant at) {
        return jdbc.sql("""
                        insert into claim_review (review_id, settlement_id, institution, reason, status, total, fund_paid, queued_at)
                        select ?, settlement_id, institution, ?, 'OPEN', total, coalesce(fund_paid, total), ? from audited_claim
                        where settlement_id = ?
                        on conflict (settlement_id) do update set reason = excluded.reason
                        where claim_review.status = 'OPEN' and excluded.reason = 'FLAGGED' and claim_review.reason <> 'FLAGGED'""")
                .params(id, reason.name(), Timestamp.from(at), settlementId)
                .update() == 1;
    }

    boolean isQueued(String settlementId) {
        return jdbc.sql("select count(*) from claim_review where settlement_id = ?").param(settlementId).query(Integer.class).single() > 0;
    }

    /** Withdraws the open review of a reversed claim; false when there is none open. */
    boolean withdraw(String settlementId, Instant at) {
        return jdbc.sql("update claim_review set status = 'WITHDRAWN', withdrawn_at = ? where settlement_id = ? and status = 'OPEN'")
                .params(Timestamp.from(at), settlementId).update() == 1;
    }

    /** A page of the reviews in {@code status}: flagged first, then the oldest; of one institution when given. */
    List<ClaimReview> queue(ReviewStatus status, String institution, int page, int size) {
        return jdbc.sql("select " + COLUMNS + """
                         from claim_review where status = ? and (?::varchar is null or institution = ?::varchar)
                        order by case reason when 'FLAGGED' then 0 else 1 end, queued_at, review_id limit ? offset ?""")
                .params(status.name(), institution, institution, size, (long) page * size)
                .query((rs, n) -> review(rs, List.of(), null)).list();
    }

    /** How many reviews are in {@code status} (of one institution when given). */
    long count(ReviewStatus status, String institution) {
        return jdbc.sql("select count(*) from claim_review where status = ? and (?::varchar is null or institution = ?::varchar)")
                .params(status.name(), institution, institution).query(Long.class).single();
    }

    /** A review with its deductions and appeal, locked for the caller's transaction when {@code lock}. */
    Optional<ClaimReview> find(UUID id, boolean lock) {
        Optional<ClaimReview> head = jdbc.sql("select " + COLUMNS + " from claim_review where review_id = ?" + (lock ? " for update" : ""))
                .param(id).query((rs, n) -> review(rs, List.of(), null)).optional();
        if (head.isEmpty()) {
            return head;
        }
        List<ClaimReview.Deduction> deductions = jdbc.sql("""
                        select line_no, item_code, amount, reason_code, reason, finding_id from claim_review_deduction
                        where review_id = ? order by line_no""")
                .param(id)
                .query((rs, n) -> new ClaimReview.Deduction(rs.getInt(1), rs.getString(2), Money.of(rs.getBigDecimal(3)), rs.getString(4),
                        rs.getString(5), rs.getObject(6, UUID.class))).list();
        ClaimReview.Appeal appeal = appeal(id).orElse(null);
        ClaimReview r = head.get();
        return Optional.of(new ClaimReview(r.id(), r.settlementId(), r.institution(), r.reason(), r.status(), r.total(), r.fundPaid(),
                r.queuedAt(), r.decidedBy(), r.decidedAt(), r.deducted(), r.decisionNote(), r.appealDeadline(), deductions, appeal));
    }

    private Optional<ClaimReview.Appeal> appeal(UUID id) {
        List<ClaimReview.AppealLine> lines = jdbc.sql("select line_no, outcome, given_back from claim_review_appeal_line where review_id = ? order by line_no")
                .param(id)
                .query((rs, n) -> new ClaimReview.AppealLine(rs.getInt(1),
                        rs.getString(2) == null ? null : ClaimReview.LineOutcome.valueOf(rs.getString(2)), money(rs.getBigDecimal(3))))
                .list();
        return jdbc.sql("""
                        select appealed_by, appealed_at, statement, decided_by, decided_at, given_back, decision_note
                        from claim_review_appeal where review_id = ?""")
                .param(id)
                .query((rs, n) -> new ClaimReview.Appeal(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3), lines,
                        rs.getString(4), instant(rs.getTimestamp(5)), money(rs.getBigDecimal(6)), rs.getString(7)))
                .optional();
    }

    /** The claim's lines as supervision kept them. */
    List<ClaimReview.BilledLine> claimLines(String settlementId) {
        return jdbc.sql("select line_no, item_code, item_name, amount from audited_line where settlement_id = ? order by line_no")
                .param(settlementId)
                .query((rs, n) -> new ClaimReview.BilledLine(rs.getInt(1), rs.getString(2), rs.getString(3), Money.of(rs.getBigDecimal(4))))
                .list();
    }

    /** Records a decision on an open review; false when it was no longer open. */
    boolean decide(UUID id, String reviewer, Instant at, Money deducted, String note, LocalDate deadline,
                   List<ClaimReview.Deduction> deductions) {
        if (jdbc.sql("""
                        update claim_review set status = 'DECIDED', decided_by = ?, decided_at = ?, deducted = ?, decision_note = ?,
                            appeal_deadline = ? where review_id = ? and status = 'OPEN'""")
                .params(reviewer, Timestamp.from(at), deducted.amount(), note, deadline, id).update() != 1) {
            return false;
        }
        for (ClaimReview.Deduction d : deductions) {
            jdbc.sql("""
                            insert into claim_review_deduction (review_id, line_no, item_code, amount, reason_code, reason, finding_id)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, d.lineNo(), d.itemCode(), d.amount().amount(), d.reasonCode(), d.reason(), d.findingId()).update();
        }
        return true;
    }

    /** Records an appeal once; false when the review was appealed already. */
    boolean appeal(UUID id, String appealedBy, Instant at, String statement, List<Integer> lines) {
        if (jdbc.sql("""
                        insert into claim_review_appeal (review_id, appealed_by, appealed_at, statement) values (?, ?, ?, ?)
                        on conflict do nothing""")
                .params(id, appealedBy, Timestamp.from(at), statement).update() != 1) {
            return false;
        }
        for (Integer line : lines) {
            jdbc.sql("insert into claim_review_appeal_line (review_id, line_no) values (?, ?)").params(id, line).update();
        }
        return true;
    }

    /** Records an appeal's decision once; false when it was decided already. */
    boolean decideAppeal(UUID id, String decider, Instant at, Money givenBack, String note, List<ClaimReview.AppealLine> lines) {
        if (jdbc.sql("""
                        update claim_review_appeal set decided_by = ?, decided_at = ?, given_back = ?, decision_note = ?
                        where review_id = ? and decided_by is null""")
                .params(decider, Timestamp.from(at), givenBack.amount(), note, id).update() != 1) {
            return false;
        }
        for (ClaimReview.AppealLine l : lines) {
            jdbc.sql("update claim_review_appeal_line set outcome = ?, given_back = ? where review_id = ? and line_no = ?")
                    .params(l.outcome().name(), l.givenBack().amount(), id, l.lineNo()).update();
        }
        return true;
    }

    private static ClaimReview review(ResultSet rs, List<ClaimReview.Deduction> deductions, ClaimReview.Appeal appeal) throws SQLException {
        return new ClaimReview(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), ReviewReason.valueOf(rs.getString(4)),
                ReviewStatus.valueOf(rs.getString(5)), Money.of(rs.getBigDecimal(6)), Money.of(rs.getBigDecimal(7)),
                rs.getTimestamp(8).toInstant(), rs.getString(9), instant(rs.getTimestamp(10)), money(rs.getBigDecimal(11)),
                rs.getString(12), rs.getObject(13, LocalDate.class), deductions, appeal);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Money money(BigDecimal b) {
        return b == null ? null : Money.of(b);
    }
}
