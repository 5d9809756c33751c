package org.yibao.contracts.events;

import org.yibao.contracts.EventType;
import org.yibao.contracts.IntegrationEvent;
import org.yibao.contracts.Topics;
import org.yibao.contracts.money.Money;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A maternity allowance (生育津贴) was granted to an employee for a delivery: the employer's average monthly
 * contribution wage of the last year (用人单位上年度职工月平均工资, yuan) / 30 x the days of maternity leave
 * (产假天数), rounded half up to the fen once (national rule: 社会保险法 art. 56; 女职工劳动保护特别规定 art. 7-8).
 * The fund reports count it as maternity spending of the employee scheme.
 *
 * @param allowanceId        settlement's id of the grant
 * @param regionCode         the pooling region whose fund pays (the enrollment's region)
 * @param policyPack         the pack (id@version) whose leave days applied
 * @param babies             how many babies were born (1 or more; 1 for a miscarriage)
 * @param averageMonthlyWage yuan a month
 * @param leaveDays          days of maternity leave paid: baseDays + difficultDays + extraBabyDays + regionDays
 * @param baseDays           98 for a birth (national), or the miscarriage's 15 / 42
 * @param difficultDays      15 for a difficult delivery (难产), else 0
 * @param extraBabyDays      15 per baby beyond the first
 * @param regionDays         the province's extra days (延长产假) the region's fund pays, from the pack
 * @param amount             yuan paid
 * @param decidedBy          the staff member's id from their token
 */
@EventType(name = "MaternityAllowanceGranted", version = 1, topic = Topics.MATERNITY_ALLOWANCES)
public record MaternityAllowanceGranted(
        String allowanceId,
        String personId,
        String regionCode,
        Scheme scheme,
        String policyPack,
        LocalDate deliveryDate,
        DeliveryKind deliveryKind,
        int babies,
        Money averageMonthlyWage,
        int leaveDays,
        int baseDays,
        int difficultDays,
        int extraBabyDays,
        int regionDays,
        Money amount,
        String decidedBy,
        Instant grantedAt) implements IntegrationEvent {

    @Override
    public String partitionKey() {
        return personId;
    }
}
