package org.yibao.settlement.maternity;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.yibao.contracts.events.DeliveryKind;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.contracts.money.Money;
import org.yibao.web.validation.YuanRange;

import java.time.LocalDate;

/**
 * An application for a maternity allowance (生育津贴申请), as a staff member enters it from the employer's and
 * the hospital's papers.
 *
 * @param personId           the employee who gave birth (or miscarried): enrolled as an employee on the delivery date
 * @param deliveryDate       the day of the delivery (生育日期), not in the future
 * @param deliveryKind       NATURAL, ASSISTED, CAESAREAN, MISCARRIAGE_BEFORE_4_MONTHS or MISCARRIAGE_FROM_4_MONTHS
 * @param babies             babies born, 1 to 9 (1 for a miscarriage)
 * @param averageMonthlyWage the employer's average monthly contribution wage of the last year (用人单位上年度职工月平均
 *                           缴费工资), yuan, 0.01 to 1,000,000.00 (ASSUMPTION: a bound against typing errors)
 * @param leaveDays          the days of maternity leave applied for (产假天数), 1 to 365: must be the days that follow
 *                           from the facts above and the region's pack, else refused naming this field
 */
public record AllowanceRequest(
        @NotNull ResidentId personId,
        @NotNull LocalDate deliveryDate,
        @NotNull DeliveryKind deliveryKind,
        @NotNull @Min(1) @Max(9) Integer babies,
        @NotNull @YuanRange(min = "0.01", max = "1000000.00") Money averageMonthlyWage,
        @NotNull @Min(1) @Max(365) Integer leaveDays) {
}
