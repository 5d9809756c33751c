package org.yibao.casemix.drg;

import java.math.BigDecimal;

/**
 * A DRG's relative weight (相对权重, RW) in a region's weight table.
 *
 * @param drg      the DRG's code
 * @param adrg     its ADRG's code
 * @param cases    the history's cases grouped to the DRG
 * @param basis    DRG when the weight is the DRG's own (at least the minimum of cases), ADRG when the DRG had fewer and takes
 *                 its ADRG's pooled weight (ASSUMPTION)
 * @param meanCost the mean cost the weight is computed from (the DRG's, or its ADRG's pooled), yuan, HALF_UP to the fen;
 *                 a case's outlier ratio is measured against it
 * @param weight   meanCost / the mean cost of every grouped case, HALF_UP to 4 decimals
 */
public record DrgWeight(String drg, String adrg, int cases, Basis basis, BigDecimal meanCost, BigDecimal weight) {

    /** Whose cases the weight is computed from. */
    public enum Basis { DRG, ADRG }
}
