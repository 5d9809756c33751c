package org.yibao.care.benefit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.contracts.events.CareLevel;
import org.yibao.contracts.events.CareSetting;
import org.yibao.security.CallerIdentity;
import org.yibao.web.problem.NotFoundException;
import org.yibao.web.problem.RefusedException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Beneficiaries (享受待遇人员): granted by an approved assessment, their level replaced by a reassessment
 * from its date, ended by death (a care officer) or the end of enrollment (enrollment's events).
 */
@Service
public class BenefitService {

    private final BenefitStore store;
    private final Clock clock;

    BenefitService(BenefitStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Grants a benefit from {@code validFrom} for {@code validityMonths} (the last day is the day before the
     * same date that many months later), to be reassessed {@code reassessmentMonths} after it. Runs in the
     * caller's transaction (the decision's).
     */
    @Transactional
    public Benefit grant(String personId, String regionCode, CareSetting setting, String institutionCode, LocalDate validFrom,
                         int validityMonths, int reassessmentMonths, CareLevel level, UUID applicationId) {
        Benefit benefit = new Benefit(UUID.randomUUID(), personId, regionCode, setting, institutionCode, validFrom,
                validFrom.plusMonths(validityMonths).minusDays(1), validFrom.plusMonths(reassessmentMonths), null, null,
                List.of(new LevelFrom(validFrom, level)));
        store.insert(benefit, applicationId);
        return benefit;
    }

    /**
     * A reassessment approved: its level replaces the earlier one from its date, and the validity and the
     * reassessment date start again from it.
     */
    @Transactional
    public Benefit reassessed(UUID benefitId, LocalDate from, CareLevel level, int validityMonths, int reassessmentMonths,
                              UUID applicationId) {
        store.putLevel(benefitId, new LevelFrom(from, level), applicationId);
        store.renew(benefitId, from.plusMonths(validityMonths).minusDays(1), from.plusMonths(reassessmentMonths));
        return store.find(benefitId).orElseThrow();
    }

    /** Ends a benefit from a day (the last day covered is the day before), for a reassessment refused. */
    @Transactional
    public void endBenefitFrom(UUID benefitId, LocalDate firstDayWithout, String reason) {
        Benefit b = store.find(benefitId).orElseThrow();
        end(b, firstDayWithout.minusDays(1), reason);
    }

    /**
     * Ends every benefit of the person still running on or after {@code firstDayWithout}: the last day covered
     * becomes the day before (the end of enrollment ends the benefit).
     */
    @Transactional
    public void endFrom(String personId, LocalDate firstDayWithout, String reason) {
        for (Benefit b : store.lockRunningFrom(personId, firstDayWithout)) {
            end(b, firstDayWithout.minusDays(1), reason);
        }
    }

    /**
     * A care officer ends the person's running benefit after its last day (death, 死亡; moving away). The
     * officer is the caller.
     *
     * @throws NotFoundException (404) when the person has no running benefit
     * @throws RefusedException  (422) naming {@code endsOn} when it is in the future or before the benefit began
     */
    @Transactional
    public Benefit terminate(String personId, LocalDate endsOn, String reason, CallerIdentity caller) {
        LocalDate today = LocalDate.now(clock);
        if (endsOn.isAfter(today)) {
            throw new RefusedException("endsOn: " + endsOn + " is in the future");
        }
        Benefit b = store.lockRunningFrom(personId, endsOn).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("the person has no benefit running on " + endsOn));
        if (endsOn.isBefore(b.validFrom())) {
            throw new RefusedException("endsOn: " + endsOn + " is before the benefit began on " + b.validFrom());
        }
        end(b, endsOn, reason + " (" + caller.clientId() + ")");
        return store.find(b.benefitId()).orElseThrow();
    }

    /** The person's benefit running on a day, if any. */
    @Transactional(readOnly = true)
    public Optional<Benefit> runningOn(String personId, LocalDate day) {
        return store.runningFrom(personId, day).stream().filter(b -> b.covers(day)).findFirst();
    }

    /** Whether the person has a benefit still running on or after a day (one cannot apply again then). */
    @Transactional(readOnly = true)
    public Optional<Benefit> runningFrom(String personId, LocalDate day) {
        return store.runningFrom(personId, day).stream().findFirst();
    }

    /** The person's latest benefit. @throws NotFoundException (404) when there is none */
    @Transactional(readOnly = true)
    public Benefit latestOf(String personId) {
        return store.latestOf(personId).orElseThrow(() -> new NotFoundException("the person has no long-term care benefit"));
    }

    @Transactional(readOnly = true)
    public Optional<Benefit> find(UUID benefitId) {
        return store.find(benefitId);
    }

    /** The person's benefits in a setting covering some day of a period. */
    @Transactional(readOnly = true)
    public List<Benefit> ofPersonOverlapping(String personId, CareSetting setting, LocalDate first, LocalDate last) {
        return store.ofPersonOverlapping(personId, setting, first, last);
    }

    /** Every benefit in a setting covering some day of a period. */
    @Transactional(readOnly = true)
    public List<Benefit> overlapping(CareSetting setting, LocalDate first, LocalDate last) {
        return store.overlapping(setting, first, last);
    }

    private void end(Benefit b, LocalDate lastDay, String reason) {
        if (b.endedOn() == null || lastDay.isBefore(b.endedOn())) {
            store.end(b.benefitId(), lastDay, reason.length() > 200 ? reason.substring(0, 200) : reason);
        }
    }
}
