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
 * @param prdDays   prd_days (周期天数): days the drug lasts as prescribed, at most 2 decimals; null when not sent
 *                  (2301's layout has none)
 * @param doctorCode bilg_dr_codg: the prescribing doctor (开单医生), or null
 */
public record FeeLine(String feedetlSn, String chrgBchno, String itemCode, BigDecimal quantity, BigDecimal unitPrice,
                      BigDecimal amount, LocalDateTime feeTime, String setlId, BigDecimal prdDays, String doctorCode) {

    /** A detail without days of supply or prescribing doctor. */
    public FeeLine(String feedetlSn, String chrgBchno, String itemCode, BigDecimal quantity, BigDecimal unitPrice,
                   BigDecimal amount, LocalDateTime feeTime, String setlId) {
        this(feedetlSn, chrgBchno, itemCode, quantity, unitPrice, amount, feeTime, setlId, null, null);
    }

    /**
     * The days of supply settlement is told: prd_days rounded up to whole days (ASSUMPTION: a drug that
     * lasts 7.5 days is supplied into an eighth day), or null.
     */
    public Integer daysOfSupply() {
        return prdDays == null ? null : prdDays.setScale(0, java.math.RoundingMode.CEILING).intValueExact();
    }
}
