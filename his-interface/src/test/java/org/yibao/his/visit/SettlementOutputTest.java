package org.yibao.his.visit;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.events.ItemCategory;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.SettlementAmounts;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.contracts.money.Money;
import org.yibao.contracts.money.Price;
import org.yibao.his.national.Declarations;
import org.yibao.his.national.NationalCodes;
import org.yibao.his.platform.SettlementClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The one-stop bill in the interface's field names (see {@link SettlementOutput}'s fund mapping). */
class SettlementOutputTest {

    private static final NationalCodes CODES = new NationalCodes(new Declarations());
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PERSON = "15010219700101101" + ResidentId.checkCharacter("15010219700101101");
    private static final Visit VISIT = new Visit("202611300800000000000000000001", "H1", PERSON, Visit.Kind.OUTPATIENT, "11", "390",
            "MZ1", LocalDateTime.of(2026, 11, 30, 8, 0), null, List.of("I10"), Visit.Status.OPEN, "张三", "1501");

    private static SettlementClient.Bill bill(Scheme scheme) {
        SettlementAmounts amounts = new SettlementAmounts(Money.of("408.40"), Money.of("12.30"), Money.of("20.00"), Money.of("376.10"),
                Money.of("200.00"), Money.of("114.47"), Money.of("10.00"), Money.of("5.55"), Money.of("3.00"), Money.ZERO,
                Money.of("275.38"));
        List<SettlementClient.BillLine> lines = List.of(
                new SettlementClient.BillLine("Z02", ItemCategory.DRUG, ItemClass.C, false, Price.of("2.30"), Money.of("2.30"),
                        Money.of("2.30"), Money.ZERO, null, null),
                new SettlementClient.BillLine("X01", ItemCategory.DRUG, ItemClass.B, true, Price.of("406.10"), Money.of("406.10"),
                        Money.of("10.00"), Money.of("20.00"), null, Money.of("396.10")));
        return new SettlementClient.Bill(UUID.fromString("6f1c2b9e-1d2a-4c3b-9a8e-0b1c2d3e4f50"), "SETTLED", scheme, "LOCAL",
                "hohhot-2026@3", amounts, lines, Instant.parse("2026-11-30T01:02:03Z"), null, null);
    }

    @Test
    void aResidentsBillPaysCatastrophicAsHifmiAndSupplementaryAsOtherFunds() {
        JsonNode setl = SettlementOutput.of(bill(Scheme.RESIDENT), VISIT, "S1", "M1", false, CODES, JSON).get("setlinfo");

        assertThat(setl.get("insutype").asString()).isEqualTo("390");
        assertThat(setl.get("hifp_pay").decimalValue()).isEqualByComparingTo("114.47");
        assertThat(setl.get("hifmi_pay").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(setl.get("hifob_pay").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(setl.get("oth_pay").decimalValue()).isEqualByComparingTo("5.55");
        assertThat(setl.get("maf_pay").decimalValue()).isEqualByComparingTo("3.00");
        assertThat(setl.get("fund_pay_sumamt").toString()).isEqualTo("133.02");
        assertThat(setl.get("psn_part_amt").toString()).isEqualTo("275.38");
        // over-limit: what the person pays in full on lines within the catalog's classes A and B (above a price ceiling)
        assertThat(setl.get("overlmt_selfpay").toString()).isEqualTo("10.00");
        assertThat(setl.get("fulamt_ownpay_amt").toString()).isEqualTo("2.30");
        assertThat(setl.get("pool_prop_selfpay").toString()).isEqualTo("0.6500");   // 114.47 / (376.10 - 200.00), to 4 places
        assertThat(setl.get("setl_time").asString()).isEqualTo("2026-11-30 09:02:03");   // Beijing
        assertThat(setl.get("balc").toString()).isEqualTo("0.00");
        assertThat(setl.get("platform_bill_id").asString()).isEqualTo("6f1c2b9e-1d2a-4c3b-9a8e-0b1c2d3e4f50");
    }

    /**
     * Issue 22: a bill whose person's part was paid from a family member's holder's account (家庭共济): amounts as
     * above but 100.00 of the 275.38 owed paid by the account (cash 175.38); the holder's balance after is 20.00.
     * acct_pay 100.00, acct_mulaid_pay 100.00 (all of it mutual aid), balc 20.00, psn_cash_pay 175.38.
     */
    @Test
    void anAccountPaymentAnswersItsBalanceAndItsMutualAidPart() {
        SettlementClient.Bill b = bill(Scheme.RESIDENT);
        SettlementAmounts a = b.amounts();
        SettlementAmounts paid = new SettlementAmounts(a.total(), a.fullSelfPay(), a.priorSelfPay(), a.policyScope(), a.deductible(),
                a.basicFund(), a.catastrophic(), a.supplementary(), a.assistance(), Money.of("100.00"), Money.of("175.38"));
        String holder = "15010219700101102" + ResidentId.checkCharacter("15010219700101102");
        SettlementClient.Bill mutual = new SettlementClient.Bill(b.id(), b.status(), b.scheme(), b.place(), b.policyPack(), paid,
                b.lines(), b.settledAt(), null, null, new SettlementClient.Account(holder, Money.of("100.00"), Money.of("20.00"), true));
        SettlementClient.Bill own = new SettlementClient.Bill(b.id(), b.status(), Scheme.EMPLOYEE, b.place(), b.policyPack(), paid,
                b.lines(), b.settledAt(), null, null, new SettlementClient.Account(PERSON, Money.of("100.00"), Money.of("20.00"), false));

        JsonNode m = SettlementOutput.of(mutual, VISIT, "S1", "M1", false, CODES, JSON).get("setlinfo");
        JsonNode o = SettlementOutput.of(own, VISIT, "S1", "M1", false, CODES, JSON).get("setlinfo");

        assertThat(m.get("acct_pay").toString()).isEqualTo("100.00");
        assertThat(m.get("acct_mulaid_pay").toString()).isEqualTo("100.00");
        assertThat(m.get("balc").toString()).isEqualTo("20.00");
        assertThat(m.get("psn_cash_pay").toString()).isEqualTo("175.38");
        assertThat(o.get("acct_mulaid_pay").toString()).isEqualTo("0.00");
        assertThat(o.get("balc").toString()).isEqualTo("20.00");
    }

    @Test
    void anEmployeesCatastrophicAndSupplementaryLayersAreTheLargeAmountSubsidy() {
        JsonNode output = SettlementOutput.of(bill(Scheme.EMPLOYEE), VISIT, "S1", "M1", true, CODES, JSON);
        JsonNode setl = output.get("setlinfo");

        assertThat(setl.get("insutype").asString()).isEqualTo("310");
        assertThat(setl.get("hifob_pay").toString()).isEqualTo("15.55");
        assertThat(setl.get("hifmi_pay").toString()).isEqualTo("0.00");
        assertThat(setl.get("mid_setl_flag").asString()).isEqualTo("1");
        assertThat(output.get("setldetail").findValuesAsString("fund_pay_type")).containsExactly("310100", "330100", "610100");
        assertThat(output.at("/calc_trace/lines/0/chrgitm_lv").asString()).isEqualTo("03");
        assertThat(output.at("/calc_trace/lines/1/preselfpay_amt").toString()).isEqualTo("20.00");
    }

    @Test
    void aPreSettlementHasNoPlatformBillAndAPharmacysPreSettlementNoVisit() {
        SettlementClient.Bill settled = bill(Scheme.RESIDENT);
        SettlementClient.Bill quote = new SettlementClient.Bill(null, "PRE_SETTLEMENT", settled.scheme(), settled.place(),
                settled.policyPack(), settled.amounts(), settled.lines(), null, null, null);
        Visit purchase = new Visit(null, "P1", PERSON, Visit.Kind.PHARMACY, "41", null, "M1", VISIT.beginsAt(), null, List.of(),
                Visit.Status.OPEN, null, "1501");

        JsonNode setl = SettlementOutput.of(quote, purchase, null, "M1", false, CODES, JSON).get("setlinfo");

        assertThat(setl.get("platform_bill_id").isNull()).isTrue();
        assertThat(setl.get("setl_id").isNull()).isTrue();
        assertThat(setl.get("mdtrt_id").asString()).isEmpty();
        assertThat(setl.get("psn_name").asString()).isEmpty();
        assertThat(setl.get("clr_type").asString()).isEqualTo("41");
        assertThat(setl.get("setl_time").asString()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    }
}
