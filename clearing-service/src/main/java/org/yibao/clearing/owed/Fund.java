package org.yibao.clearing.owed;

import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.SettlementAmounts;
import org.yibao.contracts.money.Money;

import java.util.EnumMap;
import java.util.Map;

/**
 * The funds that pay an institution for its one-stop bills (一站式结算), each cleared on its own. The
 * person's cash (现金) is paid by the person at the counter and owed by no fund.
 */
public enum Fund {
    /** 职工基本医疗保险统筹基金: the basic fund's share of an EMPLOYEE claim. */
    EMPLOYEE_POOLING,
    /** 城乡居民基本医疗保险统筹基金: the basic fund's share of a RESIDENT claim. */
    RESIDENT_POOLING,
    /** 大病保险 */
    CATASTROPHIC,
    /** 补充保险 (employee high-amount or low-income supplementary) */
    SUPPLEMENTARY,
    /** 医疗救助 */
    MEDICAL_ASSISTANCE,
    /** 个人账户 */
    PERSONAL_ACCOUNT;

    /** The basic pooling fund of a scheme. */
    public static Fund pooling(Scheme scheme) {
        return scheme == Scheme.EMPLOYEE ? EMPLOYEE_POOLING : RESIDENT_POOLING;
    }

    /** What each fund owes for one settled bill, in yuan; funds paying nothing are left out. */
    public static Map<Fund, Money> owedFor(Scheme scheme, SettlementAmounts amounts) {
        Map<Fund, Money> owed = new EnumMap<>(Fund.class);
        put(owed, pooling(scheme), amounts.basicFund());
        put(owed, CATASTROPHIC, amounts.catastrophic());
        put(owed, SUPPLEMENTARY, amounts.supplementary());
        put(owed, MEDICAL_ASSISTANCE, amounts.assistance());
        put(owed, PERSONAL_ACCOUNT, amounts.personalAccount());
        return owed;
    }

    private static void put(Map<Fund, Money> owed, Fund fund, Money amount) {
        if (!amount.isZero()) {
            owed.put(fund, amount);
        }
    }
}
