package org.yibao.settlement.bill;

import org.yibao.contracts.events.PersonType;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What a settlement keeps of a bill for the smart audit's rules, beside its money (issue 21), and
 * repeats in ClaimSettled v2: settlement does not price by any of it.
 *
 * @param personType     the person's type on the service date, from the enrollment read model; null in
 *                       bills settled before it was kept
 * @param emergency      whether the visit was an emergency (急诊)
 * @param admittedAt     inpatient admission (入院), Beijing local time, or null
 * @param dischargedAt   inpatient discharge (出院), Beijing local time, or null
 * @param procedureCodes ICD-9-CM-3 procedures, main first
 * @param doctorCode     the attending doctor's national code, or null
 * @param departmentCode the department's code, or null
 */
public record ClaimFacts(PersonType personType, boolean emergency, LocalDateTime admittedAt, LocalDateTime dischargedAt,
                         List<String> procedureCodes, String doctorCode, String departmentCode) {

    public ClaimFacts {
        procedureCodes = procedureCodes == null ? List.of() : List.copyOf(procedureCodes);
    }
}
