package org.yibao.procurement.consumption;

import java.math.BigDecimal;

/**
 * What an institution agreed and used of one selected product in an agreement year, as the store sums
 * it (claim lines taken back by a reversal not counted).
 *
 * @param agreed           the agreed volume, units
 * @param consumed         units of the product in its settled claims
 * @param sameGenericOther units of other items of the same generic in its settled claims
 * @param savingPerUnit    previous minus winning price, yuan per unit
 * @param purchased        units it reported purchased
 */
record VolumeUse(String institution, String itemCode, String genericName, BigDecimal agreed, BigDecimal consumed,
                 BigDecimal sameGenericOther, BigDecimal savingPerUnit, BigDecimal purchased) {
}
