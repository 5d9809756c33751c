package org.yibao.casemix.list;

import org.yibao.casemix.codes.CodeTables;
import org.yibao.casemix.codes.MedicalCode;
import org.yibao.casemix.inpatient.InpatientCase;
import org.yibao.contracts.money.Money;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Quality control of a settlement list (医保结算清单质控), a pure check with a finding per field: every code is in the
 * code tables in force; the main diagnosis may be a main diagnosis; each code fits the patient's sex and age on
 * admission; the admission and discharge dates are the settled stay's, and each procedure lies within it; one main
 * procedure when there are procedures; the fee categories add up to the settled bill's total; ventilator hours within the
 * stay; newborn weights from 100 to 9,999 grams (NHSA 医疗保障基金结算清单填写规范, 2020; the weight range ASSUMPTION).
 * Without its settled stay a list is UNCHECKED.
 */
public final class ListQuality {

    private ListQuality() {
    }

    /** The state and the findings. */
    public record Result(SettlementList.QcState state, List<SettlementList.Finding> findings) {
    }

    public static Result check(SettlementList list, Optional<InpatientCase> stay, CodeTables codes) {
        if (stay.isEmpty()) {
            return new Result(SettlementList.QcState.UNCHECKED, List.of());
        }
        InpatientCase c = stay.get();
        List<SettlementList.Finding> findings = new ArrayList<>();
        if (!c.institutionCode().equals(list.institutionCode())) {
            findings.add(new SettlementList.Finding("settlementId", list.settlementId() + " is institution " + c.institutionCode() + "'s"));
        }
        if (c.reversed()) {
            findings.add(new SettlementList.Finding("settlementId", list.settlementId() + " was reversed (冲销): its stay is no longer settled"));
        }
        int age = c.ageOn(list.admissionDate());
        checkDiagnosis(findings, "mainDiagnosis", list.mainDiagnosis(), true, c.sex(), age, codes);
        Set<String> seen = new HashSet<>();
        seen.add(list.mainDiagnosis());
        for (int i = 0; i < list.secondaryDiagnoses().size(); i++) {
            String code = list.secondaryDiagnoses().get(i);
            if (!seen.add(code)) {
                findings.add(new SettlementList.Finding("secondaryDiagnoses[" + i + "]", code + " is listed twice"));
            }
            checkDiagnosis(findings, "secondaryDiagnoses[" + i + "]", code, false, c.sex(), age, codes);
        }
        LocalDate admitted = c.admittedAt() == null ? null : c.admittedAt().toLocalDate();
        LocalDate discharged = c.dischargedAt() == null ? c.serviceDate() : c.dischargedAt().toLocalDate();
        if (admitted != null && !admitted.equals(list.admissionDate())) {
            findings.add(new SettlementList.Finding("admissionDate", list.admissionDate() + " is not the settled stay's admission, " + admitted));
        }
        if (!discharged.equals(list.dischargeDate())) {
            findings.add(new SettlementList.Finding("dischargeDate", list.dischargeDate() + " is not the settled stay's discharge, " + discharged));
        }
        if (list.admissionDate().isAfter(list.dischargeDate())) {
            findings.add(new SettlementList.Finding("admissionDate", "is after the discharge date " + list.dischargeDate()));
        }
        long mains = list.procedures().stream().filter(SettlementList.Procedure::main).count();
        if (!list.procedures().isEmpty() && mains != 1) {
            findings.add(new SettlementList.Finding("procedures", "must have exactly one main procedure (主要手术操作), has " + mains));
        }
        for (int i = 0; i < list.procedures().size(); i++) {
            SettlementList.Procedure p = list.procedures().get(i);
            String field = "procedures[" + i + "]";
            Optional<MedicalCode> code = codes.procedure(p.code());
            if (code.isEmpty()) {
                findings.add(new SettlementList.Finding(field + ".code", p.code() + " is not in the procedure table in force"));
            } else {
                fits(findings, field + ".code", code.get(), c.sex(), age);
            }
            if (p.date().isBefore(list.admissionDate()) || p.date().isAfter(list.dischargeDate())) {
                findings.add(new SettlementList.Finding(field + ".date", p.date() + " is outside the stay " + list.admissionDate() + " to "
                        + list.dischargeDate()));
            }
        }
        if (list.feeTotal().compareTo(c.total()) != 0) {
            findings.add(new SettlementList.Finding("fees", "add up to " + list.feeTotal() + ", the settled bill's total is " + c.total()));
        }
        long stayHours = Math.max(24, ChronoUnit.DAYS.between(list.admissionDate(), list.dischargeDate()) * 24 + 24);
        if (list.ventilatorHours() > stayHours) {
            findings.add(new SettlementList.Finding("ventilatorHours", list.ventilatorHours() + " hours exceed the stay's " + stayHours));
        }
        for (int i = 0; i < list.newbornWeights().size(); i++) {
            int grams = list.newbornWeights().get(i);
            if (grams < 100 || grams > 9999) {
                findings.add(new SettlementList.Finding("newbornWeights[" + i + "]", "must be from 100 to 9999 grams: " + grams));
            }
        }
        return new Result(findings.isEmpty() ? SettlementList.QcState.PASSED : SettlementList.QcState.INCOMPLETE, findings);
    }

    private static void checkDiagnosis(List<SettlementList.Finding> findings, String field, String code, boolean main, char sex, int age,
                                       CodeTables codes) {
        Optional<MedicalCode> d = codes.diagnosis(code);
        if (d.isEmpty()) {
            findings.add(new SettlementList.Finding(field, code + " is not in the diagnosis table in force"));
            return;
        }
        if (main && !d.get().mainAllowed()) {
            findings.add(new SettlementList.Finding(field, code + " (" + d.get().name() + ") may not be a main diagnosis"));
        }
        fits(findings, field, d.get(), sex, age);
    }

    private static void fits(List<SettlementList.Finding> findings, String field, MedicalCode code, char sex, int age) {
        if (code.sex() != null && code.sex() != sex) {
            findings.add(new SettlementList.Finding(field, code.code() + " (" + code.name() + ") is for " + (code.sex() == 'F' ? "women" : "men")
                    + " only; the patient is " + (sex == 'F' ? "a woman" : "a man")));
        }
        if ((code.minAge() != null && age < code.minAge()) || (code.maxAge() != null && age > code.maxAge())) {
            findings.add(new SettlementList.Finding(field, code.code() + " (" + code.name() + ") fits ages " + (code.minAge() == null ? 0 : code.minAge())
                    + " to " + (code.maxAge() == null ? "any" : code.maxAge()) + "; the patient is " + age));
        }
    }

    /** The fee categories' sum, yuan. */
    static Money total(List<SettlementList.Fee> fees) {
        return Money.sum(fees.stream().map(SettlementList.Fee::amount).toList());
    }
}
