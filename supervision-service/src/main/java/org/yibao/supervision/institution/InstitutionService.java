package org.yibao.supervision.institution;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.contracts.events.AgreementStatus;
import org.yibao.contracts.events.InstitutionKind;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.InstitutionStatusChanged;
import org.yibao.messaging.outbox.OutboxWriter;
import org.yibao.supervision.ReferenceCacheProperties;
import org.yibao.web.cache.ReferenceCache;
import org.yibao.web.problem.ConflictException;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.problem.NotFoundException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Designated institutions and their agreements. Every agreement decision is kept in order and
 * announced (InstitutionStatusChanged) so settlement refuses a suspended or terminated institution.
 * A terminated agreement is final: the institution must sign a new one under a new registration.
 *
 * <p>The pre-check and the rules read an institution for every bill: {@link #find} keeps what it read
 * (the institution, or that no institution has the code) in memory for
 * {@code yibao.supervision.reference-cache.ttl} (5 s by default), and every write of the institution
 * table here (registration, an agreement change) drops the code at once and again when its transaction
 * ends (see {@link ReferenceCache}). ASSUMPTION: another instance of supervision may answer
 * the institution as it was for up to that ttl (seconds) after the change was committed; a decision that
 * writes reads it with {@link #findCurrent}.
 */
@Service
public class InstitutionService {

    /** An institution with its agreement decisions, in order. */
    public record InstitutionWithHistory(Institution institution, List<AgreementChange> agreementHistory) {
    }

    private final InstitutionStore store;
    private final OutboxWriter outbox;
    private final MeterRegistry meters;
    private final Clock clock;

    /**
     * Institutions by code, and codes with none (kept too: a hospital that settles before supervision knows it
     * would otherwise cost a statement for every rule that asks; registering it here drops the absence).
     * ASSUMPTION: at most 50,000 codes (a province has a few thousand designated institutions).
     */
    private final ReferenceCache<String, Optional<Institution>> registered;

    InstitutionService(InstitutionStore store, OutboxWriter outbox, MeterRegistry meters, Clock clock,
                       ReferenceCacheProperties cache) {
        this.store = store;
        this.outbox = outbox;
        this.meters = meters;
        this.clock = clock;
        this.registered = new ReferenceCache<>(cache.ttl(), 50_000);
    }

    @Transactional
    public Institution register(InstitutionRequests.Register r, String decidedBy) {
        if (r.kind() == InstitutionKind.PHARMACY && r.level() != InstitutionLevel.UNGRADED) {
            throw new InvalidRequestException("level", "a pharmacy is UNGRADED");
        }
        if ((r.latitude() == null) != (r.longitude() == null)) {
            throw new InvalidRequestException(r.latitude() == null ? "latitude" : "longitude", "give both latitude and longitude, or neither");
        }
        if (r.kind() != InstitutionKind.PHARMACY && r.chain() != null) {
            throw new InvalidRequestException("chain", "applies to pharmacies only");
        }
        registered.changed(r.code());
        if (!store.add(r)) {
            throw new ConflictException("institution " + r.code() + " is already registered");
        }
        Institution institution = store.find(r.code()).orElseThrow();
        record(institution, null, r.agreementFrom(), "agreement signed", decidedBy);
        return institution;
    }

    @Transactional
    public Institution changeAgreement(String code, InstitutionRequests.ChangeAgreement r, String decidedBy) {
        registered.changed(code);
        Institution current = store.lock(code).orElseThrow(() -> new NotFoundException("no institution " + code));
        Institution changed = current.withAgreement(r.status());
        // the history is in the order it took effect: settlement's read model answers "the status on a date" from it
        List<AgreementChange> history = store.history(code);
        LocalDate last = history.isEmpty() ? null : history.get(history.size() - 1).effectiveFrom();
        if (last != null && r.effectiveFrom().isBefore(last)) {
            throw new InvalidRequestException("effectiveFrom", "must not be before " + last + ", when the agreement last changed");
        }
        store.setStatus(code, changed.status());
        record(changed, current.status(), r.effectiveFrom(), r.reason(), decidedBy);
        return changed;
    }

    /**
     * The institution, when registered, as read at most {@code ttl} ago (this instance's own changes are
     * seen at once): for the reads of every bill. No transaction: a kept one needs no connection.
     */
    public Optional<Institution> find(String code) {
        return registered.get(code, store::find);
    }

    /** The institution, when registered, as the database holds it now: for a decision that writes. */
    @Transactional(readOnly = true)
    public Optional<Institution> findCurrent(String code) {
        return store.find(code);
    }

    /** The institution and its agreement history. */
    @Transactional(readOnly = true)
    public InstitutionWithHistory withHistory(String code) {
        Institution institution = store.find(code).orElseThrow(() -> new NotFoundException("no institution " + code));
        return new InstitutionWithHistory(institution, store.history(code));
    }

    /** The institutions whose region code matches the {@code like} pattern, with the status if given. */
    /** One page of an institution search, and how many institutions it finds in all. */
    @Transactional(readOnly = true)
    public InstitutionPage search(Optional<String> text, Optional<String> regionPattern, Optional<AgreementStatus> status,
                                  int limit, int offset) {
        return new InstitutionPage(store.search(text, regionPattern, status, limit, offset), store.count(text, regionPattern, status));
    }

    @Transactional(readOnly = true)
    public List<Institution> inRegion(String regionPattern, Optional<AgreementStatus> status) {
        return store.inRegion(regionPattern, status);
    }

    /** Keeps the decision that brought the institution to its status and announces it. */
    private void record(Institution i, AgreementStatus previous, LocalDate from, String reason, String decidedBy) {
        store.addChange(i.code(), previous, i.status(), from, reason, decidedBy);
        outbox.append(new InstitutionStatusChanged(i.code(), i.name(), i.regionCode(), i.kind(), i.level(), previous,
                i.status(), from, reason, clock.instant()));
        meters.counter("yibao.supervision.agreement.changes", "status", i.status().name()).increment();
    }
}
