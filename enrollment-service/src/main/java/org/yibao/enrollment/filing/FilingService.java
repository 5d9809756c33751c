package org.yibao.enrollment.filing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.contracts.events.FilingCancelled;
import org.yibao.contracts.events.FilingRegistered;
import org.yibao.contracts.region.Regions;
import org.yibao.enrollment.enrollment.Enrollment;
import org.yibao.enrollment.enrollment.EnrollmentStore;
import org.yibao.messaging.outbox.OutboxWriter;
import org.yibao.security.CallerIdentity;
import org.yibao.web.problem.ConflictException;
import org.yibao.web.problem.ForbiddenException;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.problem.NotFoundException;
import org.yibao.web.problem.RefusedException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Remote-treatment filings: self-service, no review, in force at once; announced to settlement. */
@Service
public class FilingService {

    private final JdbcClient jdbc;
    private final EnrollmentStore enrollments;
    private final OutboxWriter outbox;
    private final Clock clock;

    FilingService(JdbcClient jdbc, EnrollmentStore enrollments, OutboxWriter outbox, Clock clock) {
        this.jdbc = jdbc;
        this.enrollments = enrollments;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Registers a filing made by the caller (a hospital for its patient, or a clerk); the filer is recorded for ownership. */
    @Transactional
    public Filing register(String personId, FilingRequest r, CallerIdentity caller) {
        LocalDate today = LocalDate.now(clock);
        LocalDate from = Optional.ofNullable(r.validFrom()).orElse(today);
        if (from.isBefore(today)) {
            throw new InvalidRequestException("validFrom", "must not be in the past; a filing takes effect from the day it is made");
        }
        if (r.validTo() != null && r.validTo().isBefore(from)) {
            throw new InvalidRequestException("validTo", "must not be before validFrom");
        }
        Enrollment enrollment = enrollments.find(personId, from.getYear())
                .orElseThrow(() -> new RefusedException("the person is not enrolled in " + from.getYear() + "; only an insured person can file"));
        if (Regions.contains(r.destinationRegionCode(), enrollment.regionCode())
                || Regions.contains(enrollment.regionCode(), r.destinationRegionCode())) {
            throw new InvalidRequestException("destinationRegionCode", "is not outside the person's insured region "
                    + enrollment.regionCode());
        }
        Filing filing = new Filing(UUID.randomUUID(), personId, enrollment.regionCode(), r.destinationRegionCode(),
                Optional.ofNullable(r.reason()), from, Optional.ofNullable(r.validTo()), Optional.empty());
        jdbc.sql("""
                        insert into remote_filing (filing_id, person_id, insured_region, destination_region, reason, valid_from,
                            valid_to, filed_by, filed_for_institution) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(filing.filingId(), personId, filing.insuredRegion(), filing.destinationRegion(), r.reason(), from,
                        r.validTo(), caller.clientId(), caller.actsForInstitution() ? caller.institution() : null)
                .update();
        outbox.append(new FilingRegistered(filing.filingId().toString(), personId, filing.insuredRegion(),
                filing.destinationRegion(), r.reason(), from, r.validTo(), clock.instant()));
        return filing;
    }

    /**
     * Cancels a filing from today on: it still covered yesterday (and today's treatment when it started
     * earlier). Bureau staff cancel any filing; a hospital only one it registered itself.
     *
     * @throws ForbiddenException (403) for a hospital that did not register it
     */
    @Transactional
    public Filing cancel(UUID filingId, String reason, CallerIdentity caller) {
        Filing filing = jdbc.sql(SELECT + " where filing_id = ? for update").param(filingId).query(FilingService::read).optional()
                .orElseThrow(() -> new NotFoundException("no filing " + filingId));
        if (caller.actsForInstitution()) {
            caller.requireFiledByOwnInstitution(jdbc.sql("select filed_for_institution from remote_filing where filing_id = ?")
                    .param(filingId).query(String.class).optional().orElse(null), "filing " + filingId);
        }
        if (filing.cancelledAt().isPresent()) {
            throw new ConflictException("filing " + filingId + " was already cancelled");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate lastDay = filing.validFrom().isAfter(today) ? filing.validFrom().minusDays(1) : today;
        jdbc.sql("update remote_filing set cancelled_at = ?, cancel_reason = ?, valid_to = ? where filing_id = ?")
                .params(Timestamp.from(clock.instant()), reason, lastDay, filingId).update();
        outbox.append(new FilingCancelled(filingId.toString(), filing.personId(), lastDay, reason, clock.instant()));
        return jdbc.sql(SELECT + " where filing_id = ?").param(filingId).query(FilingService::read).single();
    }

    @Transactional(readOnly = true)
    public List<Filing> ofPerson(String personId) {
        return jdbc.sql(SELECT + " where person_id = ? order by registered_at").param(personId).query(FilingService::read).list();
    }

    private static final String SELECT = """
            select filing_id, person_id, insured_region, destination_region, reason, valid_from, valid_to, cancelled_at
            from remote_filing""";

    private static Filing read(ResultSet rs, int n) throws SQLException {
        Timestamp cancelled = rs.getTimestamp(8);
        return new Filing(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                Optional.ofNullable(rs.getString(5)), rs.getObject(6, LocalDate.class),
                Optional.ofNullable(rs.getObject(7, LocalDate.class)), Optional.ofNullable(cancelled).map(Timestamp::toInstant));
    }
}
