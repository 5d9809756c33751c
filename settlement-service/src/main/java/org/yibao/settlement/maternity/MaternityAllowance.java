package org.yibao.settlement.maternity;

import org.yibao.contracts.events.DeliveryKind;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A maternity allowance (生育津贴) granted, with the parts of its calculation: {@code averageMonthlyWage / 30 x
 * leaveDays}, rounded half up to the fen once (national rule: 社会保险法 art. 56, the employer's average monthly
 * wage of the last year; 30 days a month as the national practice of 计发 by day, ASSUMPTION where a region states
 * no divisor), and {@code leaveDays = baseDays + difficultDays + extraBabyDays + regionDays}.
 *
 * @param policyPack the employee pack (id@version) whose leave days applied
 * @param decidedBy  the staff member's id, from their token
 */
public record MaternityAllowance(UUID id, String personId, String regionCode, String policyPack, LocalDate deliveryDate,
                                 DeliveryKind deliveryKind, int babies, Money averageMonthlyWage, int leaveDays, int baseDays,
                                 int difficultDays, int extraBabyDays, int regionDays, Money amount, String decidedBy,
                                 Instant grantedAt) {

    /** Days a month the national practice divides the monthly wage by. */
    static final BigDecimal DAYS_A_MONTH = BigDecimal.valueOf(30);

    /** The allowance for a wage (yuan a month) and a number of days: wage x days / 30, rounded half up to the fen once. */
    static Money amount(Money averageMonthlyWage, int days) {
        return Money.rounded(averageMonthlyWage.amount().multiply(BigDecimal.valueOf(days))
                .divide(DAYS_A_MONTH, 10, RoundingMode.HALF_UP), RoundingMode.HALF_UP);
    }
}
