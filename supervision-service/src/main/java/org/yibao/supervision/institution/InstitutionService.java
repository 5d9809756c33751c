package org.yibao.supervision.institution;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.contracts.events.AgreementStatus;
import org.yibao.contracts.events.InstitutionKind;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.InstitutionStatusChanged;
import org.yibao.messaging.outbox.OutboxWriter;
import org.yibao.web.problem.ConflictException;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.problem.NotFoundException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Designated institutions and their agreements. Every agreement decision is kept in order and
 * announced (InstitutionStatusChanged) so settlement refuses a suspended or terminated institution.
 * A terminated agreement is final: the institution must sign a new one under a new registration.
 */
@Service
public class InstitutionService {

    private final JdbcClient jdbc;
    private final OutboxWriter outbox;
    private final MeterRegistry meters;
    private final Clock clock;

    InstitutionService(JdbcClient jdbc, OutboxWriter outbox, MeterRegistry meters, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.meters = meters;
        this.clock = clock;
    }

    @Transactional
    public Institution register(InstitutionRequests.Register r, String decidedBy) {
        if (r.kind() == InstitutionKind.PHARMACY && r.level() != InstitutionLevel.UNGRADED) {
            throw new InvalidRequestException("level", "a pharmacy is UNGRADED");
        }
        if (r.kind() != InstitutionKind.PHARMACY && r.chain() != null) {
            throw new InvalidRequestException("chain", "applies to pharmacies only");
        }
        int inserted = jdbc.sql("""
                        insert into institution (code, name, region_code, kind, level, chain, status)
                        values (?, ?, ?, ?, ?, ?, 'ACTIVE') on conflict (code) do nothing""")
                .params(r.code(), r.name(), r.regionCode(), r.kind().name(), r.level().name(), r.chain())
                .update();
        if (inserted == 0) {
            throw new ConflictException("institution " + r.code() + " is already registered");
        }
        Institution institution = find(r.code()).orElseThrow();
        record(institution, null, AgreementStatus.ACTIVE, r.agreementFrom(), "agreement signed", decidedBy);
        return institution;
    }

    @Transactional
    public Institution changeAgreement(String code, InstitutionRequests.ChangeAgreement r, String decidedBy) {
        Institution current = jdbc.sql(SELECT + " where code = ? for update").param(code).query(InstitutionService::read)
                .optional().orElseThrow(() -> new NotFoundException("no institution " + code));
        if (current.status() == AgreementStatus.TERMINATED) {
            throw new ConflictException("institution " + code + "'s agreement was terminated; that is final");
        }
        if (current.status() == r.status()) {
            throw new ConflictException("institution " + code + "'s agreement is already " + r.status());
        }
        jdbc.sql("update institution set status = ? where code = ?").params(r.status().name(), code).update();
        Institution changed = find(code).orElseThrow();
        record(changed, current.status(), r.status(), r.effectiveFrom(), r.reason(), decidedBy);
        return changed;
    }

    @Transactional(readOnly = true)
    public Optional<Institution> find(String code) {
        return jdbc.sql(SELECT + " where code = ?").param(code).query(InstitutionService::read).optional();
    }

    @Transactional(readOnly = true)
    public List<Map<String, Object>> history(String code) {
        return jdbc.sql("""
                        select previous_status, status, effective_from, reason, decided_by, decided_at
                        from agreement_change where institution = ? order by id""")
                .param(code).query().listOfRows();
    }

    @Transactional(readOnly = true)
    public List<Institution> inRegion(String regionPrefix, Optional<AgreementStatus> status) {
        return jdbc.sql(SELECT + " where region_code like ? and (?::varchar is null or status = ?) order by code")
                .params(regionPrefix, status.map(Enum::name).orElse(null), status.map(Enum::name).orElse(null))
                .query(InstitutionService::read).list();
    }

    private void record(Institution i, AgreementStatus previous, AgreementStatus status, java.time.LocalDate from,
                        String reason, String decidedBy) {
        jdbc.sql("""
                        insert into agreement_change (institution, previous_status, status, effective_from, reason, decided_by)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(i.code(), previous == null ? null : previous.name(), status.name(), from, reason, decidedBy)
                .update();
        outbox.append(new InstitutionStatusChanged(i.code(), i.name(), i.regionCode(), i.kind(), i.level(), previous, status,
                from, reason, clock.instant()));
        meters.counter("yibao.supervision.agreement.changes", "status", status.name()).increment();
    }

    private static final String SELECT = "select code, name, region_code, kind, level, chain, status from institution";

    private static Institution read(ResultSet rs, int n) throws SQLException {
        return new Institution(rs.getString(1), rs.getString(2), rs.getString(3), InstitutionKind.valueOf(rs.getString(4)),
                InstitutionLevel.valueOf(rs.getString(5)), Optional.ofNullable(rs.getString(6)),
                AgreementStatus.valueOf(rs.getString(7)));
    }
}
