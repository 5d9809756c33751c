package org.yibao.settlement.readmodel;

import org.yibao.contracts.events.AgreementStatus;
import org.yibao.contracts.events.InstitutionKind;
import org.yibao.contracts.events.InstitutionLevel;

/** A designated institution, as supervision-service last announced it. */
public record Institution(String code, String name, String regionCode, InstitutionKind kind, InstitutionLevel level,
                          AgreementStatus status) {
}
