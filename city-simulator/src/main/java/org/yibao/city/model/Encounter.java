package org.yibao.city.model;

import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One visit of a person to a hospital or pharmacy, billed by it the day it happens.
 *
 * @param messageId the institution's message id (the settlement's idempotency key): the same city gives the same ids
 * @param planted   the fraud pattern this bill plants, or null for an honest bill
 * @param reversed  whether the institution reverses the settlement afterwards (a billing error)
 */
public record Encounter(String messageId, Person person, LocalDate date, Institution institution, VisitType visitType,
                        List<String> diagnoses, List<Line> lines, FraudPattern planted, boolean reversed) {

    public record Line(Item item, BigDecimal quantity, Money unitPrice) {

        public Money amount() {
            return unitPrice.times(quantity, java.math.RoundingMode.HALF_UP);
        }
    }
}
