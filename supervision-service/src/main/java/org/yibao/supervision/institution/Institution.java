package org.yibao.supervision.institution;

import org.yibao.contracts.events.AgreementStatus;
import org.yibao.contracts.events.InstitutionKind;
import org.yibao.contracts.events.InstitutionLevel;

import java.util.Optional;

/** A designated institution and where its agreement stands. */
public record Institution(String code, String name, String regionCode, InstitutionKind kind, InstitutionLevel level,
                          Optional<String> chain, AgreementStatus status) {
}
