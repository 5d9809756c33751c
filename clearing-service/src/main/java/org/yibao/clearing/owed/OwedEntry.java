package org.yibao.clearing.owed;

import org.yibao.contracts.money.Money;

import java.time.YearMonth;

/**
 * One fund's part of one claim or reversal in an institution's ledger (应付明细).
 *
 * @param sourceId  the settlement id (a claim) or reversal id; with the fund, once per claim
 * @param kind      SETTLED (owed, positive) or REVERSED (negative)
 * @param regionCode the claim's region (administrative division code), whose clearing rules apply
 * @param period    the clearing period it is counted in
 * @param eventMonth the Beijing month of the event itself (differs from the period when that month was closed)
 * @param amount    yuan, negative for a reversal
 */
public record OwedEntry(String sourceId, String settlementId, Kind kind, String institutionCode, String regionCode, Fund fund,
                        YearMonth period, YearMonth eventMonth, Money amount) {

    /**
     * SETTLED a claim's share, REVERSED its reversal, CASEMIX what paying inpatient care by group (DIP) changed of a scheme's
     * pooling fund's item-by-item payments for the institution's stays of a month (DipPaymentAdjusted).
     */
    public enum Kind { SETTLED, REVERSED, CASEMIX }
}
