package org.yibao.casemix.payment;

import org.yibao.casemix.rules.PaymentMethod;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A year's rate under a DIP table or a DRG weight table: DIP's point value (年度点值, yuan per point) or DRG's base rate
 * (年度费率, yuan per weight) = the year's budget of the method / the year's weighted units (each stay's points or weight x
 * its institution's coefficient), HALF_UP to 4 decimals — so the year's standards add up to the budget but for the
 * rounding of each stay to the fen (ASSUMPTION: the budget covers the stays' whole standard; the pooling fund's part is
 * the standard less what the person and the other funds paid).
 *
 * @param tableId        the DIP table or DRG weight table that set it (once per method, region and year)
 * @param budget         the year's budget of the method, yuan
 * @param weightedPoints Σ units x coefficient of the year's stays
 * @param pointValue     the year's rate, yuan per unit
 * @param stays          the stays priced
 */
public record PointValue(String tableId, PaymentMethod method, String regionCode, int year, Money budget, BigDecimal weightedPoints, BigDecimal pointValue,
                         int stays, String setBy, Instant setAt) {
}
