package org.yibao.his.visit;

import org.yibao.contracts.events.DeliveryKind;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A visit as the interface keeps it: who, where, which medical type, its diagnoses and state.
 *
 * <p>The states (issue 17: a visit is a state machine): OPEN from registration (2201) or admission
 * (2401) — details are uploaded (2204/2301) and reversed (2205/2302), a stay may be settled in
 * mid-stay segments and stays OPEN, is discharged (2402, {@code endsAt}) and discharged again after a
 * discharge reversal (2405); SETTLED by the final settlement (2207/2304, or 2102 at a pharmacy), and
 * OPEN again when it is reversed (2208/2305/2601); CANCELLED by 2202/2404 while it holds no details.
 */
public record Visit(String mdtrtId, String institution, String personId, Kind kind, String medType, String insutype,
                    String iptOtpNo, LocalDateTime beginsAt, LocalDateTime endsAt, List<String> diagnoses, Status status,
                    String psnName, String psnType, Facts facts) {

    public enum Kind { OUTPATIENT, INPATIENT, PHARMACY }

    public enum Status { OPEN, CANCELLED, SETTLED }

    /** The medical types of an emergency (急诊): 13 急诊 and 24 急诊转住院 (an emergency admission). */
    private static final java.util.Set<String> EMERGENCY = java.util.Set.of("13", "24");

    /**
     * What the HIS told of the visit for the smart audit (issue 21), as it sent it.
     *
     * @param doctorCode          the attending doctor (2201 / 2401 atddr_no)
     * @param departmentCode      the department (2201 dept_code / 2401 adm_dept_codg)
     * @param admissionProcedure  2401 oprn_oprt_code (ICD-9-CM-3; a day surgery's), or null
     * @param dischargeProcedure  2402 oprn_oprt_code (ICD-9-CM-3), or null
     * @param dischargeDepartment 2402 dscg_dept_codg, or null
     * @param deliveryKind        a delivery's stay: the kind of delivery (2402 matn_type, 生育类别), else null
     */
    public record Facts(String doctorCode, String departmentCode, String admissionProcedure, String dischargeProcedure,
                        String dischargeDepartment, DeliveryKind deliveryKind) {

        public static final Facts NONE = new Facts(null, null, null, null, null);

        /** The facts of a visit that is not a delivery. */
        public Facts(String doctorCode, String departmentCode, String admissionProcedure, String dischargeProcedure,
                     String dischargeDepartment) {
            this(doctorCode, departmentCode, admissionProcedure, dischargeProcedure, dischargeDepartment, null);
        }
    }

    /** 生育住院: a delivery's stay, paid by a fixed amount per kind of delivery. */
    public static final String DELIVERY_MED_TYPE = "52";

    public Visit {
        facts = facts == null ? Facts.NONE : facts;
    }

    /** A visit of which the HIS told nothing for the audit. */
    public Visit(String mdtrtId, String institution, String personId, Kind kind, String medType, String insutype, String iptOtpNo,
                 LocalDateTime beginsAt, LocalDateTime endsAt, List<String> diagnoses, Status status, String psnName, String psnType) {
        this(mdtrtId, institution, personId, kind, medType, insutype, iptOtpNo, beginsAt, endsAt, diagnoses, status, psnName, psnType,
                Facts.NONE);
    }

    /** The same visit under another medical type. */
    public Visit withMedType(String type) {
        return new Visit(mdtrtId, institution, personId, kind, type, insutype, iptOtpNo, beginsAt, endsAt, diagnoses, status, psnName,
                psnType, facts);
    }

    /** Whether the visit is an emergency: medical type 13 (急诊) or 24 (急诊转住院). */
    public boolean emergency() {
        return EMERGENCY.contains(medType);
    }

    /** The procedures performed, main first: the discharge's, then the admission's if another (each at most one in the layouts). */
    public List<String> procedureCodes() {
        return java.util.stream.Stream.of(facts.dischargeProcedure(), facts.admissionProcedure())
                .filter(java.util.Objects::nonNull).distinct().toList();
    }

    /** The department whose visit it is: the discharging one when the discharge names it, else the admitting one. */
    public String departmentCode() {
        return facts.dischargeDepartment() != null ? facts.dischargeDepartment() : facts.departmentCode();
    }

    /** The day the platform bills the visit on: discharge for a stay, otherwise the visit's start. */
    public LocalDate serviceDate() {
        return (endsAt != null ? endsAt : beginsAt).toLocalDate();
    }
}
