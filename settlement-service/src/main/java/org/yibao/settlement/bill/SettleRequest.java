package org.yibao.settlement.bill;

import org.yibao.web.validation.YuanRange;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.contracts.money.Money;
import org.yibao.contracts.money.Price;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A bill a hospital or pharmacy sends for pre-settlement or settlement. Only codes, quantities and
 * prices come from the caller; classes and ceilings come from the catalog.
 *
 * @param messageId               the caller's message id: the idempotency key of a settlement, per institution
 * @param personalAccountAmount   how much the person asks to pay from their personal account
 *                                (employees); at most what they still owe
 */
public record SettleRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "may contain letters, digits and . _ : - only")
        String messageId,
        @NotNull ResidentId personId,
        @NotBlank @Size(max = 30) String institutionCode,
        @NotNull VisitType visitType,
        @NotNull LocalDate serviceDate,
        @Size(max = 20) List<@NotBlank @Size(max = 20) String> diagnosisCodes,
        @NotEmpty @Size(max = 500) List<@Valid @NotNull Line> lines,
        @YuanRange Money personalAccountAmount) {

    /**
     * @param itemCode  the national catalog code (at most 50 characters)
     * @param quantity  units: more than zero, at most 12 integer digits and 4 decimals (the national 16,4)
     * @param unitPrice yuan per unit, at most 6 decimals (the national 16,6); the line's amount is
     *                  quantity x unit price rounded half up to the fen
     * @param institutionItemCode the institution's own code of the item (医药机构目录编码, medins_list_codg),
     *                  optional: when given, its approved mapping in force on the service date must map it to
     *                  {@code itemCode} (目录对照), else the bill is refused naming the line
     */
    public record Line(
            @NotBlank @Size(max = 50) String itemCode,
            @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be more than zero") @Digits(integer = 12, fraction = 4)
            BigDecimal quantity,
            @NotNull Price unitPrice,
            @Size(max = 150) String institutionItemCode) {

        /** A line billed by national code alone. */
        public Line(String itemCode, BigDecimal quantity, Price unitPrice) {
            this(itemCode, quantity, unitPrice, null);
        }
    }

    public List<String> diagnosisCodesOrEmpty() {
        return diagnosisCodes == null ? List.of() : diagnosisCodes;
    }

    public Money personalAccountOrZero() {
        return personalAccountAmount == null ? Money.ZERO : personalAccountAmount;
    }
}
