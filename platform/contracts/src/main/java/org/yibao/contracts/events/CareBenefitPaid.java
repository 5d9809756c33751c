package org.yibao.contracts.events;

import org.yibao.contracts.EventType;
import org.yibao.contracts.IntegrationEvent;
import org.yibao.contracts.Topics;
import org.yibao.contracts.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The long-term care fund (长期护理保险基金) paid one beneficiary's care for (part of) a month: a line of a
 * care institution's monthly bill (护理费用月结) or the home-care monthly payment (居家护理). Fund reports
 * count it once per {@code paymentId}.
 *
 * @param paymentId       unique per payment; a consumer counts it once
 * @param personId        the beneficiary (享受待遇人员), 18-character resident id
 * @param regionCode      the region whose care policy priced it (administrative division code)
 * @param setting         HOME or INSTITUTION
 * @param institutionCode the care institution billed (护理服务机构) for INSTITUTION; null for HOME
 * @param month           the month of care, {@code yyyy-MM}
 * @param periods         the days of the month at each care level, in date order
 * @param standardAmount  what the care standard prices the days at, in yuan (days x daily standard, or the
 *                        monthly standard pro rata)
 * @param fundPaid        what the fund pays, in yuan: the standard amount x the fund's ratio, HALF_UP to the fen
 * @param personShare     the person's share, in yuan: standard amount - fund paid
 */
@EventType(name = "CareBenefitPaid", version = 1, topic = Topics.CARE_PAYMENTS)
public record CareBenefitPaid(
        String paymentId,
        String personId,
        String regionCode,
        CareSetting setting,
        String institutionCode,
        String month,
        List<Period> periods,
        Money standardAmount,
        Money fundPaid,
        Money personShare,
        Instant paidAt) implements IntegrationEvent {

    public CareBenefitPaid {
        periods = periods == null ? List.of() : List.copyOf(periods);
    }

    /**
     * Days of the month at one care level.
     *
     * @param from   first day (inclusive)
     * @param to     last day (inclusive)
     * @param amount the standard amount of these days, in yuan
     */
    public record Period(CareLevel level, LocalDate from, LocalDate to, int days, Money amount) {
    }

    @Override
    public String partitionKey() {
        return personId;
    }
}
