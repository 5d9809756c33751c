package org.yibao.procurement.volume;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * A purchase an institution reported from the procurement platform (采购量), the other measure of
 * completion beside what its patients' claims show was used.
 *
 * @param line the line of the report it was on, which identifies it within the report
 */
public record Purchase(int line, String institution, String itemCode, BigDecimal quantity, LocalDate purchasedOn) {

    /** The columns of a purchase report. */
    static final List<String> COLUMNS = List.of("institution", "itemCode", "quantity", "purchasedOn");

    /** Reads rows of selected products. */
    static VolumeFile.RowReader<Purchase> rows(Set<String> selectedItemCodes) {
        return (line, cells) -> {
            String institution = VolumeFile.institution(cells[0]);
            String itemCode = VolumeFile.selectedProduct(cells[1], selectedItemCodes);
            BigDecimal quantity = VolumeFile.quantity("quantity", cells[2]);
            LocalDate on;
            try {
                on = LocalDate.parse(cells[3].trim());
            } catch (DateTimeParseException e) {
                throw new VolumeFile.RefusedRow("purchasedOn", "must be a date such as 2026-03-01");
            }
            return new Purchase((int) line, institution, itemCode, quantity, on);
        };
    }
}
