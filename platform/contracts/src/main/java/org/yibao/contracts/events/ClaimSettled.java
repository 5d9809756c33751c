package org.yibao.contracts.events;

import org.yibao.contracts.EventType;
import org.yibao.contracts.IntegrationEvent;
import org.yibao.contracts.Topics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A bill was settled one-stop: the person's share and every fund's share are final.
 *
 * <p>Version 2 adds what the smart audit's rules need (issue 21); version 1's fields are unchanged,
 * so a consumer that reads version 1 reads version 2 by ignoring the rest, and a version-2 consumer
 * reading a version-1 event finds the added fields null (lists empty).
 *
 * @param assistanceLimit the annual assistance limit the pack applied and what remained of it after
 *                        this bill; null when the person had no assistance category on the service date
 *                        or the pack pays no medical assistance
 * @param personType      the person's type on the service date (v2; null in v1 events)
 * @param emergency       whether the visit was an emergency (急诊, national med_type 13, or an emergency
 *                        admission); exempts it from rules that name the emergency exemption (v2)
 * @param admittedAt      inpatient: admission (入院) date and time, Beijing local time; null for other visits (v2)
 * @param dischargedAt    inpatient: discharge (出院) date and time, Beijing local time; null for other visits (v2)
 * @param procedureCodes  procedures performed (ICD-9-CM-3, the insurance edition's codes), main first (v2)
 * @param doctorCode      the attending or prescribing doctor's national code (医保医师代码), if given (v2)
 * @param departmentCode  the department's code (科室编码), if given (v2)
 */
@EventType(name = "ClaimSettled", version = 2, topic = Topics.CLAIMS)
public record ClaimSettled(
        String settlementId,
        String personId,
        String institutionCode,
        String regionCode,
        Scheme scheme,
        VisitType visitType,
        int year,
        LocalDate serviceDate,
        List<String> diagnosisCodes,
        Instant settledAt,
        String policyPack,
        SettlementAmounts amounts,
        AssistanceLimit assistanceLimit,
        List<ClaimLine> lines,
        PersonType personType,
        boolean emergency,
        LocalDateTime admittedAt,
        LocalDateTime dischargedAt,
        List<String> procedureCodes,
        String doctorCode,
        String departmentCode) implements IntegrationEvent {

    public ClaimSettled {
        lines = lines == null ? List.of() : List.copyOf(lines);
        diagnosisCodes = diagnosisCodes == null ? List.of() : List.copyOf(diagnosisCodes);
        procedureCodes = procedureCodes == null ? List.of() : List.copyOf(procedureCodes);
    }

    /** A claim with version 1's facts only: no person type, stay, procedures, doctor or department. */
    public ClaimSettled(String settlementId, String personId, String institutionCode, String regionCode, Scheme scheme,
                        VisitType visitType, int year, LocalDate serviceDate, List<String> diagnosisCodes, Instant settledAt,
                        String policyPack, SettlementAmounts amounts, AssistanceLimit assistanceLimit, List<ClaimLine> lines) {
        this(settlementId, personId, institutionCode, regionCode, scheme, visitType, year, serviceDate, diagnosisCodes,
                settledAt, policyPack, amounts, assistanceLimit, lines, null, false, null, null, List.of(), null, null);
    }

    @Override
    public String partitionKey() {
        return personId;
    }
}
