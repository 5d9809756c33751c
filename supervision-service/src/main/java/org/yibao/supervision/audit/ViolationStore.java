package org.yibao.supervision.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.events.AuditRule;
import org.yibao.contracts.events.Severity;
import org.yibao.contracts.identity.IdMasking;
import org.yibao.contracts.money.Money;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * All SQL of the smart audit's findings: one violation per kind and claim, the auditors' list of them,
 * reviewers' outcomes, and each rule's hits and confirmed share per month.
 */
@Repository
class ViolationStore {

    /** PostgreSQL orders uuids as unsigned bytes: the nil uuid comes before every other. */
    private static final UUID FIRST = new UUID(0, 0);
    private static final String COLUMNS = """
            v.violation_id, v.rule, v.rule_id, v.severity, v.settlement_id, v.related, v.person_id, v.institution,
            c.service_date, v.amount_at_risk, v.evidence, v.review, v.reviewed_by, v.reviewed_at, v.review_note""";

    private final JdbcClient jdbc;

    ViolationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a violation once per kind and claim; false when that kind had already been found on it. */
    boolean add(UUID id, SmartAuditService.Merged m) {
        return jdbc.sql("""
                        insert into violation (violation_id, rule, settlement_id, related, person_id, institution, amount_at_risk, evidence,
                            rule_id, severity, service_date)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (rule, settlement_id) do nothing""")
                .params(id, m.kind().name(), m.target().settlementId(), String.join(",", m.related()), m.target().personId(),
                        m.target().institution(), m.amount().amount(), String.join("\n", m.evidence()), String.join(",", m.ruleIds()),
                        m.severity().name(), m.target().serviceDate())
                .update() == 1;
    }

    /**
     * The findings on claims served from {@code from} to {@code to}, in id order after {@code after}
     * (from the first when null), at most {@code limit}; person ids masked.
     */
    List<Violation> servedBetween(LocalDate from, LocalDate to, UUID after, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from violation v join audited_claim c on c.settlement_id = v.settlement_id
                        where c.service_date between ? and ? and v.violation_id > ?
                        order by v.violation_id limit ?""")
                .params(from, to, after == null ? FIRST : after, limit)
                .query(ViolationStore::violation)
                .list();
    }

    Optional<Violation> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from violation v join audited_claim c on c.settlement_id = v.settlement_id where v.violation_id = ?")
                .param(id).query(ViolationStore::violation).optional();
    }

    /** The findings on a claim, oldest first. */
    List<Violation> onClaim(String settlementId) {
        return jdbc.sql("select " + COLUMNS + """
                         from violation v join audited_claim c on c.settlement_id = v.settlement_id
                        where v.settlement_id = ? order by v.detected_at, v.violation_id""")
                .param(settlementId).query(ViolationStore::violation).list();
    }

    /** Records a reviewer's outcome on an open finding; false when it was reviewed already. */
    boolean review(UUID id, Violation.Review outcome, String reviewer, String note, Instant at) {
        return jdbc.sql("""
                        update violation set review = ?, reviewed_by = ?, reviewed_at = ?, review_note = ?
                        where violation_id = ? and review is null""")
                .params(outcome.name(), reviewer, Timestamp.from(at), note, id).update() == 1;
    }

    /**
     * Withdraws the open findings on a reversed claim and those that rest on it (a readmission found
     * because of the reversed stay, a purchase because of the reversed one); returns them.
     */
    List<Withdrawn> withdraw(String settlementId, Instant at) {
        return jdbc.sql("""
                        update violation set review = 'WITHDRAWN', reviewed_by = ?, reviewed_at = ?
                        where review is null and (settlement_id = ? or ? = any(string_to_array(related, ',')))
                        returning violation_id, rule, settlement_id, institution, amount_at_risk""")
                .params(WITHDRAWN_BY, Timestamp.from(at), settlementId, settlementId)
                .query((rs, n) -> new Withdrawn(rs.getObject(1, UUID.class), AuditRule.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), Money.of(rs.getBigDecimal(5))))
                .list();
    }

    /** Who withdraws a finding whose claim was reversed. */
    static final String WITHDRAWN_BY = "settlement reversal";

    /** A finding withdrawn by a reversal. */
    record Withdrawn(UUID id, AuditRule rule, String settlementId, String institution, Money amountAtRisk) {
    }

    /** Reviewers' outcomes of the findings of these kinds on claims served in the period, by kind and claim. */
    Map<String, Violation.Review> reviews(Collection<AuditRule> kinds, LocalDate from, LocalDate to) {
        Map<String, Violation.Review> reviews = new HashMap<>();
        jdbc.sql("""
                        select rule, settlement_id, review from violation
                        where rule = any(?) and service_date between ? and ? and review is not null""")
                .params(kinds.stream().map(Enum::name).toArray(String[]::new), from, to)
                .query((ResultSet rs) -> {
                    reviews.put(rs.getString(1) + "|" + rs.getString(2), Violation.Review.valueOf(rs.getString(3)));
                });
        return reviews;
    }

    /** One rule's findings in one month of service dates. */
    record MonthOfRule(String ruleId, AuditRule kind, int month, long findings, Money amount, long confirmed, long dismissed) {
    }

    /**
     * Each rule's findings per month of service date in the year (a finding by two entries counts for both);
     * withdrawn findings (their claim reversed) count neither as findings nor in the amount.
     */
    List<MonthOfRule> monthsOfRules(int year) {
        return jdbc.sql("""
                        select r.rule_id, v.rule, extract(month from v.service_date)::int, count(*) filter (where v.review is distinct from 'WITHDRAWN'),
                               coalesce(sum(v.amount_at_risk) filter (where v.review is distinct from 'WITHDRAWN'), 0),
                               count(*) filter (where v.review = 'CONFIRMED'), count(*) filter (where v.review = 'DISMISSED')
                        from violation v cross join lateral unnest(string_to_array(coalesce(v.rule_id, v.rule), ',')) as r(rule_id)
                        where v.service_date between ? and ?
                        group by 1, 2, 3 order by 1, 3""")
                .params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .query((rs, n) -> new MonthOfRule(rs.getString(1), AuditRule.valueOf(rs.getString(2)), rs.getInt(3), rs.getLong(4),
                        Money.of(rs.getBigDecimal(5)), rs.getLong(6), rs.getLong(7)))
                .list();
    }

    /** Claims kept (not reversed) per month of service date in the year: index 0 is January. */
    long[] claimsPerMonth(int year) {
        long[] months = new long[12];
        jdbc.sql("""
                        select extract(month from service_date)::int, count(*) from audited_claim
                        where service_date between ? and ? and not reversed group by 1""")
                .params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .query((ResultSet rs) -> {
                    months[rs.getInt(1) - 1] = rs.getLong(2);
                });
        return months;
    }

    private static Violation violation(ResultSet rs, int n) throws SQLException {
        String severity = rs.getString(4);
        String review = rs.getString(12);
        Timestamp reviewedAt = rs.getTimestamp(14);
        return new Violation(rs.getObject(1, UUID.class), AuditRule.valueOf(rs.getString(2)), rs.getString(3),
                severity == null ? null : Severity.valueOf(severity), rs.getString(5),
                rs.getString(6).isEmpty() ? List.of() : List.of(rs.getString(6).split(",")),
                IdMasking.mask(rs.getString(7)), rs.getString(8), rs.getObject(9, LocalDate.class),
                Money.of(rs.getBigDecimal(10)), rs.getString(11), review == null ? null : Violation.Review.valueOf(review),
                rs.getString(13), reviewedAt == null ? null : reviewedAt.toInstant(), rs.getString(15));
    }
}
