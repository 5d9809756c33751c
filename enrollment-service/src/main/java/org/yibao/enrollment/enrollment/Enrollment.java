package org.yibao.enrollment.enrollment;

import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.EmploymentTier;
import org.yibao.contracts.events.EnrollmentStatus;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.money.Money;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A person's enrollment in a basic scheme for a year.
 *
 * @param contribution    the resident contribution due (zero for employees, whose contributions are
 *                        collected with wages)
 * @param subsidy         the part of it a premium subsidy pays (参保资助)
 * @param subsidyCategory the assistance category the subsidy is for
 * @param source          how the enrollment came about: API, IMPORT, or ASSISTANCE (enrolled when identified)
 */
public record Enrollment(String personId, int year, Scheme scheme, PersonType personType, Optional<EmploymentTier> tier,
                         String regionCode, EnrollmentStatus status, LocalDate effectiveFrom, Money contribution,
                         Money subsidy, Optional<AssistanceCategory> subsidyCategory, String source) {

    /** What the person pays themselves. */
    public Money personalContribution() {
        return contribution.minus(subsidy);
    }
}
