package org.yibao.assistance.warning;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.assistance.identity.FeedRow;
import org.yibao.assistance.identity.FeedService;
import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.web.problem.ConflictException;
import org.yibao.web.problem.NotFoundException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The answers on the dual warnings and the lists of them. A warning is answered once, confirmed or rejected,
 * either by a row of the rural-revitalization department's feedback file or by an officer's confirmation: both
 * go through {@link #answer}, in one transaction each, so that both leave the same state, and a confirmed person
 * is brought into assistance the same way, as the department's identity record (the merge, and
 * AssistanceIdentityChanged through the outbox, follow as for any feed).
 */
@Service
public class WarningConfirmations {

    /** How an answer went. */
    enum Outcome {
        ANSWERED,
        /** no warning of that id, or of that person, year and risk */
        UNKNOWN,
        /** answered before: it stays as it was */
        ALREADY_ANSWERED
    }

    /** The outcome and the warning as it stands after it (empty when unknown). */
    record Answer(Outcome outcome, Optional<PovertyWarning> warning) {
    }

    private final WarningStore store;
    private final FeedService feeds;
    private final Clock clock;

    WarningConfirmations(WarningStore store, FeedService feeds, Clock clock) {
        this.store = store;
        this.feeds = feeds;
        this.clock = clock;
    }

    /**
     * An officer's answer on one warning; the confirmer is the caller (the token).
     *
     * @throws NotFoundException (404) when there is no such warning
     * @throws ConflictException (409) when it was answered already
     */
    @Transactional
    public PovertyWarning confirm(UUID warningId, boolean confirmed, String note, String confirmer) {
        Answer answer = answer(store.lock(warningId), confirmed, AssistanceCategory.POVERTY_MONITORED, confirmer, note);
        return switch (answer.outcome()) {
            case UNKNOWN -> throw new NotFoundException("no poverty-risk warning " + warningId);
            case ALREADY_ANSWERED -> throw new ConflictException("poverty-risk warning " + warningId + " was already answered: "
                    + answer.warning().orElseThrow().status());
            case ANSWERED -> answer.warning().orElseThrow();
        };
    }

    /** A row of the department's feedback file: the warning named by person, year and risk; recorded by the uploader. */
    @Transactional
    public Outcome answerFileRow(String personId, int year, String risk, boolean confirmed, AssistanceCategory category,
                                 String recordedBy) {
        return answer(store.lock(personId, year, risk), confirmed, category, recordedBy, null).outcome();
    }

    /** The one code path of an answer, inside the caller's transaction, on the warning already locked. */
    private Answer answer(Optional<PovertyWarning> locked, boolean confirmed, AssistanceCategory category, String by, String note) {
        if (locked.isEmpty()) {
            return new Answer(Outcome.UNKNOWN, Optional.empty());
        }
        PovertyWarning w = locked.get();
        if (w.status() != WarningStatus.OPEN) {
            return new Answer(Outcome.ALREADY_ANSWERED, locked);
        }
        WarningStatus status = confirmed ? WarningStatus.CONFIRMED : WarningStatus.REJECTED;
        Instant now = clock.instant();
        store.answer(w.warningId(), status, by, note, now);
        if (confirmed) {
            feeds.push(new FeedRow(1, "rural-revitalization", "WARNING-" + w.personId() + "-" + w.year(), w.personId(),
                    w.regionCode(), category, LocalDate.now(clock), Optional.empty()));
        }
        return new Answer(Outcome.ANSWERED, Optional.of(new PovertyWarning(w.warningId(), w.personId(), w.regionCode(), w.year(),
                w.risk(), w.category(), w.personalPayment(), w.threshold(), w.basis(), w.flaggedAt(), status, by, now, note)));
    }

    /** One page of the warnings raised in the month (any month when none), in the status when given, the oldest first. */
    @Transactional(readOnly = true)
    public PovertyWarning.Page page(Optional<YearMonth> month, Optional<WarningStatus> status, int limit, int offset) {
        ZoneId zone = clock.getZone();
        Instant from = month.map(m -> m.atDay(1).atStartOfDay(zone).toInstant()).orElse(null);
        Instant to = month.map(m -> m.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()).orElse(null);
        return new PovertyWarning.Page(store.page(from, to, status, limit, offset), store.count(from, to, status));
    }

    @Transactional(readOnly = true)
    public List<PovertyWarning> ofPerson(String personId) {
        return store.ofPerson(personId);
    }
}
