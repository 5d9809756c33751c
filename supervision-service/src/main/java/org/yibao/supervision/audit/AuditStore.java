package org.yibao.supervision.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.events.ClaimSettled;
import org.yibao.contracts.money.Money;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * All SQL of the smart audit's memory: the settled claims it keeps for the rules across claims
 * (readmissions, two places at once, a death registered late) and the deaths civil affairs or
 * public security registered.
 */
@Repository
class AuditStore {

    /** A kept claim, as a death registered late looks at it. */
    record KeptClaim(String settlementId, String institution, String regionCode, LocalDate serviceDate, Money total) {
    }

    private final JdbcClient jdbc;

    AuditStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps a settled claim once; false when it was already kept (the claim is redelivered). */
    boolean keep(ClaimSettled c) {
        return jdbc.sql("""
                        insert into audited_claim (settlement_id, person_id, institution, region_code, visit_type, service_date,
                            diagnosis_codes, total) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (settlement_id) do nothing""")
                .params(c.settlementId(), c.personId(), c.institutionCode(), c.regionCode(), c.visitType().name(),
                        c.serviceDate(), String.join(",", c.diagnosisCodes()), c.amounts().total().amount())
                .update() == 1;
    }

    void markReversed(String settlementId) {
        jdbc.sql("update audited_claim set reversed = true where settlement_id = ?").param(settlementId).update();
    }

    /**
     * The person's inpatient stays other than {@code exceptSettlementId}, not reversed, served from
     * {@code from} to {@code to} inclusive.
     */
    List<ClaimUnderAudit.Stay> inpatientStays(String personId, String exceptSettlementId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select settlement_id, institution, service_date, diagnosis_codes from audited_claim
                        where person_id = ? and visit_type = 'INPATIENT' and settlement_id <> ? and not reversed
                          and service_date between ? and ?""")
                .params(personId, exceptSettlementId, from, to)
                .query(AuditStore::stay).list();
    }

    Optional<LocalDate> dateOfDeath(String personId) {
        return jdbc.sql("select date_of_death from death where person_id = ?").param(personId)
                .query((rs, n) -> rs.getObject(1, LocalDate.class)).optional();
    }

    /** Registers a death; a second registration of the same person replaces the first. */
    void registerDeath(String personId, LocalDate dateOfDeath, String source) {
        jdbc.sql("""
                        insert into death (person_id, date_of_death, source) values (?, ?, ?)
                        on conflict (person_id) do update set date_of_death = excluded.date_of_death, source = excluded.source""")
                .params(personId, dateOfDeath, source).update();
    }

    /** The person's kept claims, not reversed, served after {@code day}. */
    List<KeptClaim> servedAfter(String personId, LocalDate day) {
        return jdbc.sql("""
                        select settlement_id, institution, region_code, service_date, total from audited_claim
                        where person_id = ? and service_date > ? and not reversed""")
                .params(personId, day)
                .query((rs, n) -> new KeptClaim(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), Money.of(rs.getBigDecimal(5))))
                .list();
    }

    private static ClaimUnderAudit.Stay stay(ResultSet rs, int n) throws SQLException {
        String diagnoses = rs.getString(4);
        return new ClaimUnderAudit.Stay(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                diagnoses.isEmpty() ? List.of() : Arrays.asList(diagnoses.split(",")));
    }
}
