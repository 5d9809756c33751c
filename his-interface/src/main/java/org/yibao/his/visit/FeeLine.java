package org.yibao.his.visit;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One uploaded fee detail (费用明细), identified by its feedetl_sn within the visit.
 *
 * @param quantity  cnt, at most 4 decimals (national 16,4)
 * @param unitPrice pric in yuan, at most 6 decimals (national 16,6)
 * @param amount    det_item_fee_sumamt in yuan: cnt x pric rounded half up to the fen
 * @param setlId    the settlement that billed it, or null while it is still to be settled
 */
public record FeeLine(String feedetlSn, String chrgBchno, String itemCode, BigDecimal quantity, BigDecimal unitPrice,
                      BigDecimal amount, LocalDateTime feeTime, String setlId) {
}
