package org.yibao.casemix.dip;

import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A year's DIP point value (年度点值) of a table's region: the year's DIP budget / the year's weighted points (each stay's
 * points x its institution's coefficient), HALF_UP to 4 decimals — so the year's standards add up to the budget but for
 * the rounding of each stay to the fen (ASSUMPTION: the budget covers the stays' whole standard; the pooling fund's part is
 * the standard less what the person and the other funds paid).
 *
 * @param budget the year's DIP budget, yuan
 * @param stays  the stays priced
 */
public record PointValue(String tableId, int year, Money budget, BigDecimal weightedPoints, BigDecimal pointValue, int stays, String setBy,
                         Instant setAt) {
}
