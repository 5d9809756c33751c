package org.yibao.settlement.precheck;

import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;
import org.yibao.contracts.money.Price;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What supervision's pre-check sees of a bill: who, where, what, as the catalog priced it, and the
 * facts its rules read (issue 21: the same as ClaimSettled v2 carries).
 *
 * @param personType     the person's type on the service date, from settlement's enrollment read model
 * @param admittedAt     inpatient admission, Beijing local time; null when not stated
 * @param dischargedAt   inpatient discharge, Beijing local time; null when not stated
 * @param procedureCodes ICD-9-CM-3 procedures, main first
 * @param stage          the national framework's stage of the check: {@link #DURING} for settlement's own
 *                       (事中); the national interface's 3101 asks {@code BEFORE} (事前)
 * @param lines          in the request's order: a finding's 1-based line counts these
 */
public record PreCheckRequest(String personId, String institutionCode, VisitType visitType, LocalDate serviceDate,
                              List<String> diagnosisCodes, Money total, List<Line> lines, PersonType personType,
                              boolean emergency, LocalDateTime admittedAt, LocalDateTime dischargedAt,
                              List<String> procedureCodes, String doctorCode, String departmentCode, String stage) {

    /** The stage of a check at settlement (事中). */
    public static final String DURING = "DURING";

    /**
     * @param daysOfSupply days the line's drug lasts (prd_days), or null
     * @param doctorCode   the prescribing doctor's code, or null
     */
    public record Line(String itemCode, String itemClass, BigDecimal quantity, Price unitPrice, Money amount,
                       Integer daysOfSupply, String doctorCode) {
    }
}
