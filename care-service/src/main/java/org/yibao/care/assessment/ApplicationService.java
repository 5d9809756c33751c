package org.yibao.care.assessment;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.care.benefit.Benefit;
import org.yibao.care.benefit.BenefitService;
import org.yibao.care.enrollment.EnrollmentFacts;
import org.yibao.care.institution.CareInstitution;
import org.yibao.care.institution.InstitutionService;
import org.yibao.care.policy.AssessmentScale;
import org.yibao.care.policy.CarePolicies;
import org.yibao.care.policy.CarePolicy;
import org.yibao.contracts.events.CareSetting;
import org.yibao.security.CallerIdentity;
import org.yibao.web.problem.ConflictException;
import org.yibao.web.problem.ForbiddenException;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.problem.NotFoundException;
import org.yibao.web.problem.RefusedException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * Applications for long-term care, their disability assessment and the decision, one transaction each:
 * a person enrolled in basic medical insurance applies (a care officer takes it); an assessor scores the
 * region's scale; another staff member decides; an approval makes the person a beneficiary, or, for a
 * reassessment, replaces the level from the assessment's date.
 */
@Service
public class ApplicationService {

    /** ASSUMPTION: an application is registered at most a year (366 days) after it was received. */
    static final int LATEST_REGISTRATION_DAYS = 366;

    private final ApplicationStore applications;
    private final EnrollmentFacts enrollment;
    private final InstitutionService institutions;
    private final BenefitService benefits;
    private final CarePolicies policies;
    private final MeterRegistry meters;
    private final Clock clock;

    ApplicationService(ApplicationStore applications, EnrollmentFacts enrollment, InstitutionService institutions,
                       BenefitService benefits, CarePolicies policies, MeterRegistry meters, Clock clock) {
        this.applications = applications;
        this.enrollment = enrollment;
        this.institutions = institutions;
        this.benefits = benefits;
        this.policies = policies;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * A first application, taken by a care officer (the caller).
     *
     * @throws InvalidRequestException (400) naming {@code institutionCode} when institution care names none or home care names one
     * @throws RefusedException        (422) naming {@code appliedOn} (in the future or more than a year ago), {@code personId}
     *                                 (not enrolled in basic medical insurance that day, or no care policy in the region)
     *                                 or {@code institutionCode} (not registered, or not providing institution care)
     * @throws ConflictException       (409) when the person has an open application or a benefit still running
     */
    @Transactional
    public Application apply(String personId, CareSetting setting, String institutionCode, LocalDate appliedOn,
                             CallerIdentity caller) {
        LocalDate day = appliedOnWithinBounds(appliedOn);
        if (setting == CareSetting.INSTITUTION && institutionCode == null) {
            throw new InvalidRequestException("institutionCode", "is required for INSTITUTION care");
        }
        if (setting == CareSetting.HOME && institutionCode != null) {
            throw new InvalidRequestException("institutionCode", "is given only for INSTITUTION care; home care is paid to the person");
        }
        String region = enrollment.enrolledRegionOn(personId, day)
                .orElseThrow(() -> new RefusedException("personId: the person is not enrolled in basic medical insurance on " + day));
        policyOf(region, day.getYear());
        if (institutionCode != null) {
            CareInstitution institution = institutions.find(institutionCode)
                    .orElseThrow(() -> new RefusedException("institutionCode: " + institutionCode + " is not a registered care institution"));
            if (!institution.provides(CareSetting.INSTITUTION)) {
                throw new RefusedException("institutionCode: " + institutionCode + " does not provide institution care");
            }
        }
        benefits.runningFrom(personId, day).ifPresent(b -> {
            throw new ConflictException("the person is a beneficiary until " + b.lastDay() + "; apply for a reassessment instead");
        });
        Application application = new Application(UUID.randomUUID(), personId, region, ApplicationKind.FIRST, setting,
                institutionCode, day, ApplicationState.OPEN, caller.clientId(), null, null, null);
        insert(application);
        return application;
    }

    /**
     * The reassessment (复评) of a beneficiary, taken by a care officer: in the benefit's setting and institution.
     *
     * @throws NotFoundException (404) when the person has no benefit running on the day
     * @throws ConflictException (409) when the person has an open application
     */
    @Transactional
    public Application reassess(String personId, LocalDate appliedOn, CallerIdentity caller) {
        LocalDate day = appliedOnWithinBounds(appliedOn);
        Benefit benefit = benefits.runningOn(personId, day)
                .orElseThrow(() -> new NotFoundException("the person has no long-term care benefit running on " + day));
        Application application = new Application(UUID.randomUUID(), personId, benefit.regionCode(), ApplicationKind.REASSESSMENT,
                benefit.setting(), benefit.institutionCode(), day, ApplicationState.OPEN, caller.clientId(), benefit.benefitId(),
                null, null);
        insert(application);
        return application;
    }

    /**
     * Records the disability assessment of an open application: the region's scale, each item's score; the
     * assessor is the caller.
     *
     * @throws InvalidRequestException (400) naming {@code scores.ITEM} for an item missing, unknown or out of its allowed values
     * @throws RefusedException        (422) naming {@code scale} (not the region's) or {@code assessedOn} (before the
     *                                 application, or in the future)
     * @throws ConflictException       (409) when the application is no longer open
     */
    @Transactional
    public Application assess(UUID id, String scaleName, Map<String, Integer> scores, LocalDate assessedOn, CallerIdentity caller) {
        Application a = lock(id);
        LocalDate today = LocalDate.now(clock);
        LocalDate day = assessedOn == null ? today : assessedOn;
        if (day.isAfter(today)) {
            throw new RefusedException("assessedOn: " + day + " is in the future");
        }
        if (day.isBefore(a.appliedOn())) {
            throw new RefusedException("assessedOn: " + day + " is before the application of " + a.appliedOn());
        }
        AssessmentScale scale = policies.scaleOf(policyOf(a.regionCode(), day.getYear()));
        if (!scale.name().equals(scaleName)) {
            throw new RefusedException("scale: region " + a.regionCode() + " assesses with " + scale.name() + ", not " + scaleName);
        }
        AssessmentScale.Scored scored = scale.score(scores);
        Application assessed = a.assessed(new Application.Assessment(scale.name(), scored.scores(), scored.total(), scored.level(),
                day, caller.clientId()));
        applications.assessed(assessed);
        meters.counter("yibao.care.assessments", "level", scored.level().name()).increment();
        return assessed;
    }

    /**
     * The decision on an assessed application, by a staff member who did not assess it (the caller). An
     * approval of a first application grants the benefit from the assessment's day; of a reassessment, puts
     * its level in force from the assessment's day. A refused reassessment ends the benefit the day before.
     *
     * @throws ForbiddenException (403) when the caller assessed the application
     * @throws RefusedException   (422) naming {@code approved} when the assessed level receives no benefit in the region,
     *                            or {@code personId} when the person was no longer enrolled on the assessment's day
     * @throws ConflictException  (409) when the application is not assessed or already decided
     */
    @Transactional
    public Application decide(UUID id, boolean approved, String reason, CallerIdentity caller) {
        Application a = lock(id);
        if (a.assessment() != null && caller.clientId().equals(a.assessment().assessedBy())) {
            throw new ForbiddenException("application " + id + " was assessed by " + caller.clientId()
                    + "; an assessor never decides their own assessment");
        }
        Application.Decision decision = new Application.Decision(approved, LocalDate.now(clock), caller.clientId(), reason);
        Application decided = a.decided(decision, a.benefitId()); // guards the state first (409)
        Application.Assessment assessment = a.assessment();
        CarePolicy policy = policyOf(a.regionCode(), assessment.assessedOn().getYear());
        if (approved && !policy.eligible(assessment.level())) {
            throw new RefusedException("approved: the assessed level " + assessment.level() + " receives no long-term care benefit in region "
                    + a.regionCode() + " (eligible: " + policy.eligibleLevels() + "); refuse the application");
        }
        if (a.kind() == ApplicationKind.FIRST && approved) {
            if (enrollment.enrolledRegionOn(a.personId(), assessment.assessedOn()).isEmpty()) {
                throw new RefusedException("personId: the person is not enrolled in basic medical insurance on " + assessment.assessedOn());
            }
            Benefit granted = benefits.grant(a.personId(), a.regionCode(), a.setting(), a.institutionCode(), assessment.assessedOn(),
                    policy.validityMonths(), policy.reassessmentMonths(), assessment.level(), a.applicationId());
            decided = a.decided(decision, granted.benefitId());
        } else if (a.kind() == ApplicationKind.REASSESSMENT && approved) {
            benefits.reassessed(a.benefitId(), assessment.assessedOn(), assessment.level(), policy.validityMonths(),
                    policy.reassessmentMonths(), a.applicationId());
        } else if (a.kind() == ApplicationKind.REASSESSMENT) {
            benefits.endBenefitFrom(a.benefitId(), assessment.assessedOn(), "reassessment refused"
                    + (reason == null ? "" : ": " + reason));
        }
        applications.decided(decided);
        meters.counter("yibao.care.decisions", "kind", a.kind().name(), "approved", String.valueOf(approved)).increment();
        return decided;
    }

    @Transactional(readOnly = true)
    public Application get(UUID id) {
        return applications.find(id).orElseThrow(() -> new NotFoundException("no application " + id));
    }

    private void insert(Application application) {
        if (!applications.insert(application)) {
            throw new ConflictException("the person already has an open application for long-term care");
        }
    }

    private LocalDate appliedOnWithinBounds(LocalDate appliedOn) {
        LocalDate today = LocalDate.now(clock);
        LocalDate day = appliedOn == null ? today : appliedOn;
        if (day.isAfter(today)) {
            throw new RefusedException("appliedOn: " + day + " is in the future");
        }
        if (day.isBefore(today.minusDays(LATEST_REGISTRATION_DAYS))) {
            throw new RefusedException("appliedOn: " + day + " is more than a year ago");
        }
        return day;
    }

    private CarePolicy policyOf(String region, int year) {
        return policies.inForce(region, year).orElseThrow(() -> new RefusedException(
                "personId: region " + region + " has no long-term care policy for " + year));
    }

    private Application lock(UUID id) {
        return applications.lock(id).orElseThrow(() -> new NotFoundException("no application " + id));
    }
}
