package org.yibao.his.visit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A settlement (or reversal) of a visit, as the interface answered it.
 *
 * @param setlId       the interface's 30-digit id
 * @param settlementId settlement-service's id of the bill (of the reversal, for a reversal)
 * @param midStay      whether it settled part of a stay (中途结算)
 * @param initSetlId   for a reversal, the settlement it reverses
 * @param reversedBy   for a settlement, the reversal that reversed it, or null
 * @param output       the answer's output as it was given (JSON)
 */
public record VisitSettlement(String setlId, String mdtrtId, String institution, String personId, UUID settlementId, Kind kind,
                              boolean midStay, LocalDate serviceDate, String insutype, String medType, BigDecimal medfeeSumamt,
                              BigDecimal fundPaySumamt, BigDecimal acctPay, BigDecimal psnCashPay, Instant settledAt, String msgid,
                              String initSetlId, String reversedBy, String output) {

    /** A settlement, or the reversal of one. */
    public enum Kind { SETTLEMENT, REVERSAL }
}
