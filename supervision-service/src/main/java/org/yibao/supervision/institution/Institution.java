package org.yibao.supervision.institution;

import java.math.BigDecimal;

import org.yibao.contracts.events.AgreementStatus;
import org.yibao.contracts.events.InstitutionKind;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.web.problem.ConflictException;

import java.util.Optional;

/**
 * A designated institution and where its agreement stands.
 *
 * @param latitude  decimal degrees WGS-84; null when not registered (then longitude is null too)
 * @param longitude decimal degrees WGS-84
 */
public record Institution(String code, String name, String regionCode, InstitutionKind kind, InstitutionLevel level,
                          Optional<String> chain, AgreementStatus status, BigDecimal latitude, BigDecimal longitude) {

    /**
     * The institution with its agreement changed to {@code next}. A terminated agreement is final
     * and a change must change something: both are refused (409).
     */
    Institution withAgreement(AgreementStatus next) {
        if (status == AgreementStatus.TERMINATED) {
            throw new ConflictException("institution " + code + "'s agreement was terminated; that is final");
        }
        if (status == next) {
            throw new ConflictException("institution " + code + "'s agreement is already " + next);
        }
        return new Institution(code, name, regionCode, kind, level, chain, next, latitude, longitude);
    }
}
