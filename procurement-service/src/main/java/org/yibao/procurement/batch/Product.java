package org.yibao.procurement.batch;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * A selected product (中选产品) of a batch, known to claims by its reimbursement-catalog item code.
 *
 * @param winningPrice  the price won in the procurement, yuan per unit (up to 4 decimals, below 100,000,000)
 * @param previousPrice the price before the procurement, yuan per unit (the same bounds)
 */
public record Product(@NotBlank @Size(max = 40) String itemCode, @NotBlank @Size(max = 200) String genericName,
                      @NotBlank @Size(max = 200) String specification, @NotBlank @Size(max = 200) String manufacturer,
                      @NotNull @DecimalMin("0.0001") @DecimalMax("99999999.9999") @Digits(integer = 8, fraction = 4) BigDecimal winningPrice,
                      @NotNull @DecimalMin("0.0001") @DecimalMax("99999999.9999") @Digits(integer = 8, fraction = 4) BigDecimal previousPrice) {
}
