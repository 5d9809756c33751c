package org.yibao.contracts.events;

import org.yibao.contracts.EventType;
import org.yibao.contracts.IntegrationEvent;
import org.yibao.contracts.Topics;
import org.yibao.contracts.money.Money;

import java.time.Instant;

/**
 * Paying inpatient care by group (DIP, 按病种分值付费; or DRG, 按疾病诊断相关分组付费, v2) changed what a scheme's basic pooling fund owes an institution for
 * its stays discharged in a month: the stays' DIP payments less what the fund paid item by item (basis PROVISIONAL, at the
 * month's provisional point value), or the year's point value less the provisional one (basis FINAL, at the year-end). Each
 * announcement is the change since the last one for the same institution, month, scheme and basis, so their sum is
 * always the adjustment in force. The fund clearing adds it to what the fund owes the institution.
 *
 * @param adjustmentId unique per announcement; a consumer counts it once
 * @param regionCode   the institution's own region (its clearing rules)
 * @param period       the stays' discharge month, yyyy-MM
 * @param basis        PROVISIONAL or FINAL
 * @param method       DIP or DRG (v2; a v1 announcement is DIP's)
 * @param tableId      the DIP table or DRG weight table that priced them
 * @param stays        the stays priced in the adjustment in force
 * @param amount       yuan: positive, the fund owes the institution more; negative, less
 */
@EventType(name = "DipPaymentAdjusted", version = 2, topic = Topics.CASEMIX_ADJUSTMENTS)
public record DipPaymentAdjusted(
        String adjustmentId,
        String institutionCode,
        String regionCode,
        Scheme scheme,
        String period,
        String basis,
        String method,
        String tableId,
        int stays,
        Money amount,
        Instant announcedAt) implements IntegrationEvent {

    @Override
    public String partitionKey() {
        return institutionCode;
    }
}
