package org.yibao.clearing.application;

import org.yibao.contracts.money.Money;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A clearing application (清算申请, the national interface's 3203) as kept: the institution's statement of a
 * month's clearing and its reconciliation against the platform's owed when it was filed. Amounts in yuan.
 *
 * @param applicationId     the application event id (机构清算申请事件ID, clr_appy_evt_id): 30 digits, given by clearing
 * @param period            the month cleared (清算年月), yyyy-MM
 * @param clearingWay       the clearing way (清算方式, clr_way) as stated, or null; not interpreted
 * @param visits            the visits cleared (清算人次, psntime), as stated
 * @param medicalFeeTotal   total medical fees (医疗费总额, medfee_sumamt), as stated
 * @param eligibleFeeTotal  fees the insurance recognises (医保认可费用总额, med_sumfee), as stated
 * @param fundAmount        what the institution claims from the funds (基金申报总额, fund_appy_sum)
 * @param cashAmount        paid in cash by the persons (现金支付金额, cash_payamt), as stated
 * @param accountAmount     paid from personal accounts (个人账户支出, acct_pay)
 * @param filedBy           the institution's client that filed it (from its token)
 * @param cancelledBy       who cancelled it (3204), or null
 */
public record ClearingApplication(String applicationId, String institutionCode, String messageId, String period,
                                  ClearingType clearingType, String clearingWay, LocalDate beginDate, LocalDate endDate, int visits,
                                  Money medicalFeeTotal, Money eligibleFeeTotal, Money fundAmount, Money cashAmount, Money accountAmount,
                                  ApplicationState state, ApplicationReconciliation reconciliation, String filedBy, Instant filedAt,
                                  String cancelledBy, Instant cancelledAt) {

    /** Whether a retry carries the same statement as this application (its message id reused for the same filing). */
    boolean sameStatement(ClearingApplication other) {
        return period.equals(other.period) && clearingType == other.clearingType
                && java.util.Objects.equals(clearingWay, other.clearingWay) && beginDate.equals(other.beginDate)
                && endDate.equals(other.endDate) && visits == other.visits && medicalFeeTotal.compareTo(other.medicalFeeTotal) == 0
                && eligibleFeeTotal.compareTo(other.eligibleFeeTotal) == 0 && fundAmount.compareTo(other.fundAmount) == 0
                && cashAmount.compareTo(other.cashAmount) == 0 && accountAmount.compareTo(other.accountAmount) == 0;
    }

    ClearingApplication cancelled(String by, Instant at) {
        return new ClearingApplication(applicationId, institutionCode, messageId, period, clearingType, clearingWay, beginDate, endDate,
                visits, medicalFeeTotal, eligibleFeeTotal, fundAmount, cashAmount, accountAmount, state.cancel(), reconciliation, filedBy,
                filedAt, by, at);
    }
}
