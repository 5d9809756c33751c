package org.yibao.care.payment;

import org.yibao.contracts.events.CareSetting;
import org.yibao.contracts.money.Money;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * One payment of the long-term care fund for a beneficiary's month: a line of a care institution's bill
 * or a home-care payment. A benefit is paid once per month and setting.
 *
 * @param institutionCode the institution billed; null for HOME
 * @param billId          the bill it is a line of; null for HOME
 * @param periods         the days at each care level
 * @param standardAmount  the standard's price of the days, yuan
 * @param fundPaid        what the fund pays, yuan
 * @param personShare     what the person pays, yuan
 */
public record Payment(UUID paymentId, UUID benefitId, String personId, String regionCode, CareSetting setting,
                      String institutionCode, YearMonth month, UUID billId, List<CarePricing.Period> periods,
                      Money standardAmount, Money fundPaid, Money personShare, Instant paidAt) {

    public Payment {
        periods = List.copyOf(periods);
    }

    public int days() {
        return periods.stream().mapToInt(CarePricing.Period::days).sum();
    }
}
