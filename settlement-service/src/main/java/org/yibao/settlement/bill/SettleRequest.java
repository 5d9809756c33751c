package org.yibao.settlement.bill;

import org.yibao.web.validation.YuanRange;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.yibao.contracts.events.DeliveryKind;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.contracts.money.Money;
import org.yibao.contracts.money.Price;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A bill a hospital or pharmacy sends for pre-settlement or settlement. Only codes, quantities and
 * prices come from the caller; classes and ceilings come from the catalog.
 *
 * <p>The facts after {@code personalAccountAmount} are optional; settlement does not price by them, it
 * keeps them with the settlement and repeats them in ClaimSettled (v2) and to supervision's pre-check,
 * whose rules read them (issue 21). How they fit together is checked by {@link StayTimes}.
 *
 * @param messageId               the caller's message id: the idempotency key of a settlement, per institution
 * @param personalAccountAmount   how much the person asks to pay from their personal account
 *                                (employees); at most what they still owe
 * @param emergency               whether the visit was an emergency (急诊, the national interface's med_type 13, or an
 *                                emergency admission); null is false
 * @param admittedAt              INPATIENT only: admission (入院) date and time, Beijing local time
 *                                ({@code yyyy-MM-ddTHH:mm[:ss]}); its date not after {@code serviceDate}
 * @param dischargedAt            INPATIENT only: discharge (出院) date and time, Beijing local time; not before
 *                                {@code admittedAt}, and on {@code serviceDate} (ASSUMPTION: a stay is settled at
 *                                discharge, so a bill that states its discharge is billed on that day; a mid-stay
 *                                settlement states none)
 * @param procedureCodes          procedures performed (ICD-9-CM-3, the insurance edition), main first: at most 20, each
 *                                at most 30 characters (the national oprn_oprt_code's length)
 * @param doctorCode              the attending doctor's national code (医保医师代码), at most 30 characters
 * @param departmentCode          the department's code (科室编码), at most 30 characters
 * @param deliveryKind            DELIVERY only, and required for it: the kind of delivery (生育类别: NATURAL, ASSISTED,
 *                                CAESAREAN, MISCARRIAGE_BEFORE_4_MONTHS, MISCARRIAGE_FROM_4_MONTHS), on which the
 *                                maternity fund's fixed payment (定额支付) depends. The national interface's 2207/2304
 *                                inputs carry no such field: the HIS states it as matn_type (生育类别) on the visit's
 *                                2203 (outpatient) or 2402 (discharge) upload, whose codes are regional (see his-interface)
 * @param accountHolderId         family mutual aid (家庭共济, issue 22): whose personal account pays
 *                                {@code personalAccountAmount}; optional — an employee's own account pays by default, a
 *                                member bound to one holder is paid from that holder's, to several (none named) from
 *                                the earliest binding's holder; refused naming this field when the patient has no
 *                                binding to it
 */
@StayTimes
public record SettleRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "may contain letters, digits and . _ : - only")
        String messageId,
        @NotNull ResidentId personId,
        @NotBlank @Size(max = 30) String institutionCode,
        @NotNull VisitType visitType,
        @NotNull LocalDate serviceDate,
        @Size(max = 20) List<@NotBlank @Size(max = 20) String> diagnosisCodes,
        @NotEmpty @Size(max = 500) List<@Valid @NotNull Line> lines,
        @YuanRange Money personalAccountAmount,
        Boolean emergency,
        LocalDateTime admittedAt,
        LocalDateTime dischargedAt,
        @Size(max = 20) List<@NotBlank @Size(max = 30) String> procedureCodes,
        @Size(min = 1, max = 30) String doctorCode,
        @Size(min = 1, max = 30) String departmentCode,
        DeliveryKind deliveryKind,
        ResidentId accountHolderId) {

    /** A bill with none of the optional facts of issue 21 (no emergency, stay, procedures, doctor or department). */
    public SettleRequest(String messageId, ResidentId personId, String institutionCode, VisitType visitType, LocalDate serviceDate,
                         List<String> diagnosisCodes, List<Line> lines, Money personalAccountAmount) {
        this(messageId, personId, institutionCode, visitType, serviceDate, diagnosisCodes, lines, personalAccountAmount,
                null, null, null, null, null, null, null, null);
    }

    /** The named account holder's id (family mutual aid), or null. */
    public String accountHolderIdOrNull() {
        return accountHolderId == null ? null : accountHolderId.value();
    }

    /**
     * @param itemCode  the national catalog code (at most 50 characters)
     * @param quantity  units: more than zero, at most 12 integer digits and 4 decimals (the national 16,4)
     * @param unitPrice yuan per unit, at most 6 decimals (the national 16,6); the line's amount is
     *                  quantity x unit price rounded half up to the fen
     * @param institutionItemCode the institution's own code of the item (医药机构目录编码, medins_list_codg),
     *                  optional: when given, its approved mapping in force on the service date must map it to
     *                  {@code itemCode} (目录对照), else the bill is refused naming the line
     * @param daysOfSupply days the line's drug lasts as prescribed (用药天数, the national prd_days), 1 to 3660
     *                  (ten years: ASSUMPTION, a bound against typing errors, not a policy limit); optional
     * @param doctorCode the prescribing doctor's national code (开单医生, bilg_dr_codg), at most 30 characters; optional
     */
    public record Line(
            @NotBlank @Size(max = 50) String itemCode,
            @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be more than zero") @Digits(integer = 12, fraction = 4)
            BigDecimal quantity,
            @NotNull Price unitPrice,
            @Size(max = 150) String institutionItemCode,
            @Min(1) @Max(3660) Integer daysOfSupply,
            @Size(min = 1, max = 30) String doctorCode) {

        /** A line billed by national code alone. */
        public Line(String itemCode, BigDecimal quantity, Price unitPrice) {
            this(itemCode, quantity, unitPrice, null);
        }

        /** A line without days of supply or prescribing doctor. */
        public Line(String itemCode, BigDecimal quantity, Price unitPrice, String institutionItemCode) {
            this(itemCode, quantity, unitPrice, institutionItemCode, null, null);
        }
    }

    public List<String> diagnosisCodesOrEmpty() {
        return diagnosisCodes == null ? List.of() : diagnosisCodes;
    }

    public boolean emergencyOrFalse() {
        return Boolean.TRUE.equals(emergency);
    }

    public List<String> procedureCodesOrEmpty() {
        return procedureCodes == null ? List.of() : procedureCodes;
    }

    public Money personalAccountOrZero() {
        return personalAccountAmount == null ? Money.ZERO : personalAccountAmount;
    }
}
