package org.yibao.casemix.list;

import org.yibao.contracts.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A settlement list (医保结算清单) of one inpatient settlement, as uploaded, with its quality control.
 *
 * @param version            1 for the first upload, one more for each corrected list replacing it
 * @param secondaryDiagnoses other diagnoses (ICD-10, insurance edition), in the order listed
 * @param procedures         procedures (ICD-9-CM-3, insurance edition), the main one flagged
 * @param fees               the fee categories' amounts, yuan
 * @param feeTotal           their sum, yuan
 * @param ventilatorHours    hours on invasive ventilation (呼吸机使用时间)
 * @param newbornWeights     newborns' birth weights, grams (新生儿出生体重), where relevant
 * @param state              UNCHECKED (未质控), INCOMPLETE (质控未完成) or PASSED (质控完成)
 * @param findings           quality control's findings, each naming the field
 * @param submittedAt        when its hospital submitted it (已提交, national 4102), or null; a submitted list is not replaced
 */
public record SettlementList(String settlementId, String institutionCode, int version, LocalDate admissionDate, LocalDate dischargeDate,
                             String mainDiagnosis, List<String> secondaryDiagnoses, List<Procedure> procedures, List<Fee> fees,
                             Money feeTotal, int ventilatorHours, List<Integer> newbornWeights, String department, QcState state,
                             List<Finding> findings, String uploadedBy, Instant uploadedAt, Instant checkedAt, Instant submittedAt) {

    /** A list not submitted. */
    public SettlementList(String settlementId, String institutionCode, int version, LocalDate admissionDate, LocalDate dischargeDate,
                          String mainDiagnosis, List<String> secondaryDiagnoses, List<Procedure> procedures, List<Fee> fees, Money feeTotal,
                          int ventilatorHours, List<Integer> newbornWeights, String department, QcState state, List<Finding> findings,
                          String uploadedBy, Instant uploadedAt, Instant checkedAt) {
        this(settlementId, institutionCode, version, admissionDate, dischargeDate, mainDiagnosis, secondaryDiagnoses, procedures, fees,
                feeTotal, ventilatorHours, newbornWeights, department, state, findings, uploadedBy, uploadedAt, checkedAt, null);
    }

    public SettlementList {
        secondaryDiagnoses = List.copyOf(secondaryDiagnoses);
        procedures = List.copyOf(procedures);
        fees = List.copyOf(fees);
        newbornWeights = List.copyOf(newbornWeights);
        findings = List.copyOf(findings);
    }

    /** The main procedure's code, or null without one (保守治疗). */
    public String mainProcedure() {
        return procedures.stream().filter(Procedure::main).map(Procedure::code).findFirst().orElse(null);
    }

    /** A procedure: its code, the day it was done, and whether it is the main one (主要手术操作). */
    public record Procedure(String code, LocalDate date, boolean main) {
    }

    /** A fee category's amount, yuan. */
    public record Fee(FeeCategory category, Money amount) {
    }

    /** A quality-control finding: the field (as the request names it) and why. */
    public record Finding(String field, String reason) {
    }

    /** Quality control's state. */
    public enum QcState {
        /** 未质控: its settlement is not known here yet */
        UNCHECKED,
        /** 质控未完成: findings to correct */
        INCOMPLETE,
        /** 质控完成 */
        PASSED
    }
}
