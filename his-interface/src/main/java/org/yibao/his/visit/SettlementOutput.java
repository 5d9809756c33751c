package org.yibao.his.visit;

import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.SettlementAmounts;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.his.national.NationalCodes;
import org.yibao.his.national.NationalTime;
import org.yibao.his.platform.SettlementClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The platform's one-stop bill in the interface's field names: {@code setlinfo}, {@code setldetail}
 * per fund, and {@code calc_trace}, the structured account of how the bill was computed (where the
 * national platform gives free text).
 *
 * Fund mapping: 统筹 basicFund → hifp_pay (310100 employees / 390100 residents); residents' 大病保险
 * catastrophic → hifmi_pay (390200); employees' catastrophic and supplementary layers → hifob_pay
 * (330100 职工大额医疗费用补助); residents' supplementary (低收入人口倾斜) → oth_pay; 医疗救助 → maf_pay (610100).
 * Personal accounts (issue 22): acct_pay is what the account paid; balc the paying account's balance
 * after the bill; acct_mulaid_pay the part of acct_pay paid from a family member's holder's account
 * (家庭共济). Where no account took part (a resident, nothing asked) balc and acct_mulaid_pay are 0.00 —
 * never null, which typed HIS clients cannot read (issue 17, output 10) — as are hifes_pay (no
 * enterprise supplementary insurance) and hosp_part_amt (the hospital bears nothing of a bill here).
 * medins_setl_id is the message id of the settling message, as the spec says.
 */
public final class SettlementOutput {

    private SettlementOutput() {
    }

    /**
     * @param setlId  the interface's 30-character id of this settlement, or null for a pre-settlement
     * @param msgid   the message that settled (medins_setl_id)
     * @param midStay whether this is a mid-stay settlement (中途结算)
     */
    public static ObjectNode of(SettlementClient.Bill bill, Visit visit, String setlId, String msgid, boolean midStay,
                                NationalCodes codes, JsonMapper json) {
        SettlementAmounts a = bill.amounts();
        boolean employee = bill.scheme() == Scheme.EMPLOYEE;
        BigDecimal total = a.total().amount();
        BigDecimal overLimit = BigDecimal.ZERO.setScale(2);
        for (SettlementClient.BillLine line : bill.lines()) {
            if (line.itemClass() != ItemClass.C) {
                overLimit = overLimit.add(line.fullSelfPay().amount());
            }
        }
        BigDecimal basic = a.basicFund().amount();
        BigDecimal catastrophic = a.catastrophic().amount();
        BigDecimal supplementary = a.supplementary().amount();
        BigDecimal assistance = a.assistance().amount();
        BigDecimal account = a.personalAccount().amount();
        BigDecimal cash = a.cash().amount();
        BigDecimal hifmi = employee ? zero() : catastrophic;
        BigDecimal hifob = employee ? catastrophic.add(supplementary) : zero();
        BigDecimal other = employee ? zero() : supplementary;
        BigDecimal funds = basic.add(hifmi).add(hifob).add(assistance).add(other);
        BigDecimal person = account.add(cash);
        if (funds.add(person).compareTo(total) != 0) {
            throw new IllegalStateException("the bill's parts " + funds + " + " + person + " are not its total " + total);
        }
        BigDecimal reimbursable = a.policyScope().minus(a.deductible()).amount();

        ObjectNode setl = json.createObjectNode();
        ResidentId insured = ResidentId.of(visit.personId());
        setl.put("setl_id", setlId);
        setl.put("mdtrt_id", visit.mdtrtId() == null ? "" : visit.mdtrtId());   // "" for a pharmacy's pre-settlement: no visit yet
        setl.put("psn_no", visit.personId());
        setl.put("psn_name", visit.psnName() == null ? "" : visit.psnName());
        setl.put("psn_cert_type", "01");
        setl.put("certno", visit.personId());
        setl.put("gend", insured.gender() == ResidentId.Gender.MALE ? "1" : "2");
        setl.put("brdy", insured.birthDate().toString());
        setl.put("age", java.time.Period.between(insured.birthDate(), visit.serviceDate()).getYears());
        setl.put("insutype", codes.insutype(bill.scheme().name()));
        setl.put("psn_type", visit.psnType());
        setl.put("cvlserv_flag", "0");
        setl.put("med_type", visit.medType());
        // a pre-settlement's time is when it was computed (clients read setl_time on every answer)
        setl.put("setl_time", bill.settledAt() == null ? NationalTime.time(NationalTime.now()) : NationalTime.time(bill.settledAt()));
        setl.put("mdtrt_cert_type", "02");
        setl.put("medfee_sumamt", total);
        setl.put("fulamt_ownpay_amt", a.fullSelfPay().amount().subtract(overLimit));
        setl.put("overlmt_selfpay", overLimit);
        setl.put("preselfpay_amt", a.priorSelfPay().amount());
        setl.put("inscp_scp_amt", a.policyScope().amount());
        setl.put("act_pay_dedc", a.deductible().amount());
        setl.put("hifp_pay", basic);
        setl.put("pool_prop_selfpay", reimbursable.signum() > 0 ? basic.divide(reimbursable, 4, RoundingMode.HALF_UP) : BigDecimal.ZERO);
        setl.put("cvlserv_pay", zero());
        setl.put("hifmi_pay", hifmi);
        setl.put("hifob_pay", hifob);
        setl.put("maf_pay", assistance);
        setl.put("oth_pay", other);
        setl.put("fund_pay_sumamt", funds);
        setl.put("psn_part_amt", person);
        setl.put("acct_pay", account);
        setl.put("psn_cash_pay", cash);
        setl.put("hifes_pay", zero());
        setl.put("hosp_part_amt", zero());
        SettlementClient.Account paying = bill.account();
        setl.put("balc", paying == null ? zero() : paying.balanceAfter().amount());
        setl.put("acct_mulaid_pay", paying != null && paying.mutualAid() ? account : zero());
        setl.put("medins_setl_id", msgid);
        setl.put("clr_type", codes.clearingType(visit.medType()));
        setl.put("mid_setl_flag", midStay ? "1" : "0");
        // the platform's own bill (settlement-service's id), for the bureau's staff and tools; null for a pre-settlement
        setl.put("platform_bill_id", "PRE_SETTLEMENT".equals(bill.status()) || bill.id() == null ? null : bill.id().toString());

        ArrayNode detail = json.createArrayNode();
        fund(detail, employee ? "310100" : "390100", employee ? "职工基本医疗保险统筹基金" : "城乡居民基本医疗保险基金", basic, reimbursable);
        fund(detail, "390200", "城乡居民大病医疗保险基金", hifmi, reimbursable);
        fund(detail, "330100", "大额医疗费用补助基金", hifob, reimbursable);
        fund(detail, "610100", "医疗救助基金", assistance, reimbursable);
        fund(detail, "999997", "其他基金（低收入人口倾斜）", other, reimbursable);

        ObjectNode trace = json.createObjectNode();
        trace.put("policy_pack", bill.policyPack());
        trace.put("place", bill.place());
        trace.put("scheme", bill.scheme().name());
        ArrayNode steps = trace.putArray("steps");
        step(steps, "全自费 (class C and above price ceilings)", a.fullSelfPay().amount());
        step(steps, "先行自付 (class B share)", a.priorSelfPay().amount());
        step(steps, "政策范围内费用", a.policyScope().amount());
        step(steps, "起付线", a.deductible().amount());
        step(steps, "统筹基金", basic);
        step(steps, "大病保险", catastrophic);
        step(steps, "补充保险", supplementary);
        step(steps, "医疗救助", assistance);
        step(steps, "个人账户", account);
        step(steps, "现金", cash);
        ArrayNode lines = trace.putArray("lines");
        for (SettlementClient.BillLine line : bill.lines()) {
            ObjectNode l = lines.addObject();
            l.put("med_list_codg", line.itemCode());
            l.put("chrgitm_lv", codes.itemClass(line.itemClass()));
            l.put("det_item_fee_sumamt", line.amount().amount());
            l.put("fulamt_ownpay_amt", line.fullSelfPay().amount());
            l.put("preselfpay_amt", line.priorSelfPay().amount());
            l.put("paid_in_full_by", line.paidInFullBy());
        }

        ObjectNode output = json.createObjectNode();
        output.set("setlinfo", setl);
        output.set("setldetail", detail);
        output.set("calc_trace", trace);
        return output;
    }

    private static void fund(ArrayNode detail, String type, String name, BigDecimal amount, BigDecimal scope) {
        if (amount.signum() == 0) {
            return;
        }
        ObjectNode f = detail.addObject();
        f.put("fund_pay_type", type);
        f.put("fund_pay_type_name", name);
        f.put("inscp_scp_amt", scope);
        f.put("fund_payamt", amount);
        f.put("setl_proc_info", name + " " + amount.toPlainString());
    }

    private static void step(ArrayNode steps, String name, BigDecimal amount) {
        steps.addObject().put("step", name).put("amount", amount);
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
