package org.yibao.supervision.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.events.AuditRule;
import org.yibao.contracts.identity.IdMasking;
import org.yibao.contracts.money.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** All SQL of the smart audit's findings: one violation per rule and claim, and the auditors' list of them. */
@Repository
class ViolationStore {

    /** PostgreSQL orders uuids as unsigned bytes: the nil uuid comes before every other. */
    private static final UUID FIRST = new UUID(0, 0);

    private final JdbcClient jdbc;

    ViolationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a finding on a claim once per rule and claim; false when that rule had already found it. */
    boolean add(UUID id, Subject subject, Finding f) {
        return jdbc.sql("""
                        insert into violation (violation_id, rule, settlement_id, related, person_id, institution, amount_at_risk, evidence)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (rule, settlement_id) do nothing""")
                .params(id, f.rule().name(), subject.settlementId(), String.join(",", f.related()), subject.personId(),
                        subject.institution(), f.amountAtRisk().amount(), f.evidence())
                .update() == 1;
    }

    /**
     * The findings on claims served from {@code from} to {@code to}, in id order after {@code after}
     * (from the first when null), at most {@code limit}; person ids masked.
     */
    List<Violation> servedBetween(LocalDate from, LocalDate to, UUID after, int limit) {
        return jdbc.sql("""
                        select v.violation_id, v.rule, v.settlement_id, v.related, v.person_id, v.institution, c.service_date,
                               v.amount_at_risk, v.evidence
                        from violation v join audited_claim c on c.settlement_id = v.settlement_id
                        where c.service_date between ? and ? and v.violation_id > ?
                        order by v.violation_id limit ?""")
                .params(from, to, after == null ? FIRST : after, limit)
                .query((rs, n) -> new Violation(rs.getObject(1, UUID.class), AuditRule.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4).isEmpty() ? List.of() : List.of(rs.getString(4).split(",")),
                        IdMasking.mask(rs.getString(5)), rs.getString(6), rs.getObject(7, LocalDate.class),
                        Money.of(rs.getBigDecimal(8)), rs.getString(9)))
                .list();
    }
}
