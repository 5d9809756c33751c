package org.yibao.procurement.volume;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** An agreed volume (约定采购量): the units of a selected product an institution agreed to use in an agreement year. */
public record AgreedVolume(String institution, String itemCode, BigDecimal volume) {

    /** The columns of an agreed-volume file. */
    static final List<String> COLUMNS = List.of("institution", "itemCode", "volume");

    /** Reads rows of selected products; a row repeating an earlier row's institution and product is refused. */
    static VolumeFile.RowReader<AgreedVolume> rows(Set<String> selectedItemCodes) {
        Set<String> seen = new HashSet<>();
        return (line, cells) -> {
            String institution = VolumeFile.institution(cells[0]);
            String itemCode = VolumeFile.selectedProduct(cells[1], selectedItemCodes);
            BigDecimal volume = VolumeFile.quantity("volume", cells[2]);
            if (!seen.add(institution + "/" + itemCode)) {
                throw new VolumeFile.RefusedRow("itemCode", "repeats an earlier row for this institution");
            }
            return new AgreedVolume(institution, itemCode, volume);
        };
    }
}
