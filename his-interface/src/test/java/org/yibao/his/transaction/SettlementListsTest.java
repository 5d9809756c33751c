package org.yibao.his.transaction;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.money.Money;
import org.yibao.his.envelope.Input;
import org.yibao.his.national.Declarations;
import org.yibao.his.national.HisException;
import org.yibao.his.platform.CasemixClient;
import org.yibao.his.visit.VisitSettlement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 4101 / 4101A / 4102: their declared layouts, the list casemix is sent, the answer with its findings in national names. */
class SettlementListsTest {

    private static final Declarations DECLARATIONS = new Declarations();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UUID BILL = UUID.fromString("0b7c6a52-8d0e-4e0b-9a51-3c1f4f1d2e77");
    private static final String SETL_ID = "441700202610150930000000000042";
    private static final VisitSettlement SETTLED = new VisitSettlement(SETL_ID, "441700202610010800000000000007", "H44170000003",
            "441702197001011015", BILL, VisitSettlement.Kind.SETTLEMENT, false, LocalDate.of(2026, 10, 15), "390", "21",
            new BigDecimal("5000.00"), new BigDecimal("3000.00"), BigDecimal.ZERO, new BigDecimal("2000.00"), Instant.parse("2026-10-15T01:30:00Z"),
            "m", null, null, "{}");

    private static final String SETLINFO = """
            "mdtrt_id":"441700202610010800000000000007","setl_id":"441700202610150930000000000042","fixmedins_name":"某医院",
            "fixmedins_code":"H44170000003","medcasno":"BA-001","psn_name":"张三","gend":"1","brdy":"1970-01-01","ntly":"CHN",
            "naty":"01","patn_cert_type":"01","certno":"441702197001011015","prfs":"90","coner_name":"李四","patn_rlts":"10",
            "coner_addr":"阳江","coner_tel":"13800000000","hi_type":"390","insuplc":"441700","ipt_med_type":"1",
            "adm_time":"2026-10-01 08:00:00","adm_caty":"A03","dscg_time":"2026-10-10 10:00:00","dscg_caty":"A03",
            "vent_used_dura":"1/13/24","nwb_bir_wt":"3250.00","bill_code":"B1","bill_no":"0001","biz_sn":"S1",
            "setl_begn_date":"2026-10-01","setl_end_date":"2026-10-10","psn_selfpay":"500.00","psn_ownpay":"100.00","acct_pay":"0.00",
            "psn_cashpay":"2000.00","hi_paymtd":"1","hsorg":"阳江医保局","hsorg_opter":"王五","medins_fill_dept":"病案室",
            "medins_fill_psn":"赵六\"""";

    static ObjectNode upload() {
        return (ObjectNode) JSON.readTree("""
                {"setlinfo":{%s},
                 "payinfo":[{"fund_pay_type":"390100","fund_payamt":"3000.00"}],
                 "diseinfo":[{"diag_type":"1","diag_code":"K35.800","diag_name":"急性阑尾炎","maindiag_flag":"1"},
                             {"diag_type":"2","diag_code":"BNP010","diag_name":"肠痈","maindiag_flag":"0"},
                             {"diag_type":"1","diag_code":"I10.x00","diag_name":"高血压","maindiag_flag":"0"}],
                 "iteminfo":[{"med_chrgitm":"01","amt":"900.00","claa_sumfee":"900.00","clab_amt":"0.00","fulamt_ownpay_amt":"0.00","oth_amt":"0.00"},
                             {"med_chrgitm":"06","amt":"2500.00","claa_sumfee":"2000.00","clab_amt":"500.00","fulamt_ownpay_amt":"0.00","oth_amt":"0.00"},
                             {"med_chrgitm":"09","amt":"1600.00","claa_sumfee":"1000.00","clab_amt":"500.00","fulamt_ownpay_amt":"100.00","oth_amt":"0.00"}],
                 "oprninfo":[{"oprn_oprt_type":"1","oprn_oprt_name":"阑尾切除术","oprn_oprt_code":"47.0100","oprn_oprt_date":"2026-10-02",
                              "oper_dr_name":"钱七","oper_dr_code":"D001"}]}""".formatted(SETLINFO));
    }

    static ObjectNode uploadNew() {
        return (ObjectNode) JSON.readTree("""
                {"setlinfo":{"psn_no":"441702197001011015","mdtrt_id":"441700202610010800000000000007","setl_id":"441700202610150930000000000042",
                             "medcasno":"BA-001","gend":"2","ntly":"CHN","prfs":"90","coner_name":"李四","patn_rlts":"10","coner_addr":"阳江",
                             "coner_tel":"13800000000","ipt_med_type":"1","adm_time":"2026-10-01 08:00:00","dscg_time":"2026-10-10 10:00:00",
                             "dscg_caty":"A03","mul_nwb_bir_wt":"2800,3100","bill_code":"B1","bill_no":"0001","biz_sn":"S1",
                             "setl_begn_date":"2026-10-01","setl_end_date":"2026-10-10","hi_paymtd":"1","medins_fill_dept":"病案室",
                             "medins_fill_psn":"赵六","resp_nurs_code":"N001"},
                 "diseinfo":[{"diag_type":"1","diag_code":"O80.000","diag_name":"单胎顺产","maindiag_flag":"1"}],
                 "oprninfo":[{"oprn_oprt_type":"1","oprn_oprt_name":"手法助产","oprn_oprt_code":"73.5900","oper_dr_code":"D001",
                              "oprn_oprt_begntime":"2026-10-02 09:30:00"}]}""");
    }

    static ObjectNode submission() {
        return (ObjectNode) JSON.readTree("""
                {"data":{"stastinfo":[{"psn_no":"441702197001011015","setl_id":"441700202610150930000000000042","stas_type":"1"}]}}""");
    }

    private static Input input(String infno, JsonNode root) {
        DECLARATIONS.checkInput(infno, root);
        return new Input(root, DECLARATIONS.of(infno).inputPaths());
    }

    private static SettlementLists.Mapped mapped(JsonNode root) {
        Input in = input("4101", root);
        return SettlementLists.list(SETTLED, in.object("setlinfo"), in.list("diseinfo"),
                SettlementLists.procedures(in.optionalList("oprninfo"), "oprn_oprt_date"), SettlementLists.fees(in.list("iteminfo")),
                SettlementLists.newbornWeights(in.object("setlinfo"), false));
    }

    @Test
    void wellFormedListsAndASubmissionPassTheirLayouts() {
        DECLARATIONS.checkInput("4101", upload());
        DECLARATIONS.checkInput("4101A", uploadNew());
        DECLARATIONS.checkInput("4102", submission());
    }

    /**
     * The list's coded fields are checked against their national tables (医疗保障基金结算清单填写规范: 国籍 GB/T 2659, 民族
     * GB/T 3304, 住院医疗类型, 医保支付方式, 入院途径, 入院病情, 31 天内再住院计划, 新生儿入院类型) and its
     * numbers may not be negative; 4101A needs the sex as 4101 does (an independent tester's 4101 cases).
     */
    @Test
    void codedFieldsAreCodesOfTheirTablesAndNumbersAreNotNegative() {
        Map<String, String> bad = Map.of("ntly", "ZZZZ", "naty", "99", "ipt_med_type", "X", "hi_paymtd", "Z", "age", "-5",
                "nwb_bir_wt", "-3250.00");
        bad.forEach((field, value) -> {
            ObjectNode list = upload();
            ((ObjectNode) list.get("setlinfo")).put(field, value);
            assertThatThrownBy(() -> DECLARATIONS.checkInput("4101", list)).as(field).hasMessageContaining("setlinfo." + field);
        });
        ObjectNode negativeAmount = upload();
        ((ObjectNode) negativeAmount.get("iteminfo").get(0)).put("amt", "-900.00");
        assertThatThrownBy(() -> DECLARATIONS.checkInput("4101", negativeAmount)).hasMessageContaining("iteminfo[0].amt");
        ObjectNode withAdmission = upload();
        ((ObjectNode) withAdmission.get("setlinfo")).put("adm_way", "2").put("age", "56.0").put("naty", "98").put("ntly", "HKG");
        DECLARATIONS.checkInput("4101", withAdmission);
        ObjectNode noSex = uploadNew();
        ((ObjectNode) noSex.get("setlinfo")).remove("gend");
        assertThatThrownBy(() -> DECLARATIONS.checkInput("4101A", noSex)).hasMessageContaining("setlinfo.gend");
    }

    /**
     * A medical service's fee category follows its price item's chapter: a bed day is 床位费 01, not 其他费 14 (an independent
     * tester's 2301/4101A case: the bed fee's lines summed as OTHER).
     */
    @Test
    void aServiceFallsInItsPriceItemsFeeCategory() {
        assertThat(List.of("S120100001", "S110200001", "S250101001", "S220800001", "S330000001", "S311201001", "S110100001", "X1", "S9"))
                .extracting(org.yibao.his.national.NationalCodes::serviceFeeCategory)
                .containsExactly("01", "02", "04", "03", "06", "05", "13", "14", "14");
    }

    /** A resident id card on the list must be the settled person's own (an independent tester's 4101 case). */
    @Test
    void anotherPersonsCertificateOnTheListIsRefused() {
        ObjectNode other = upload();
        ((ObjectNode) other.get("setlinfo")).put("certno", "44170219800101101X");
        Input in = input("4101", other);
        assertThatThrownBy(() -> SettlementLists.checkPerson(SETTLED, in.object("setlinfo"), SETL_ID, true))
                .hasMessageContaining("setlinfo.certno");
        SettlementLists.checkPerson(SETTLED, input("4101", upload()).object("setlinfo"), SETL_ID, true);
        // 4101A's layout has no certificate: its person is its psn_no (a reviewer's case: reading certno there was a 500)
        SettlementLists.checkPerson(SETTLED, input("4101A", uploadNew()).object("setlinfo"), SETL_ID, false);
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        ObjectNode noCaseNumber = upload();
        ((ObjectNode) noCaseNumber.get("setlinfo")).remove("medcasno");
        ObjectNode noAmount = upload();
        ((ObjectNode) noAmount.get("iteminfo").get(1)).remove("amt");
        ObjectNode noItems = upload();
        noItems.remove("iteminfo");
        ObjectNode noBegin = uploadNew();
        ((ObjectNode) noBegin.get("oprninfo").get(0)).remove("oprn_oprt_begntime");
        ObjectNode noSetlId = submission();
        ((ObjectNode) noSetlId.get("data").get("stastinfo").get(0)).remove("setl_id");

        assertThatThrownBy(() -> DECLARATIONS.checkInput("4101", noCaseNumber)).isInstanceOf(HisException.class)
                .hasMessageStartingWith("setlinfo.medcasno: ");
        assertThatThrownBy(() -> DECLARATIONS.checkInput("4101", noAmount)).hasMessageStartingWith("iteminfo[1].amt: ");
        assertThatThrownBy(() -> DECLARATIONS.checkInput("4101", noItems)).hasMessageStartingWith("iteminfo");
        assertThatThrownBy(() -> DECLARATIONS.checkInput("4101A", noBegin)).hasMessageStartingWith("oprninfo[0].oprn_oprt_begntime: ");
        assertThatThrownBy(() -> DECLARATIONS.checkInput("4102", noSetlId)).hasMessageStartingWith("data.stastinfo[0].setl_id: ");
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() {
        ObjectNode unknownItem = upload();
        ((ObjectNode) unknownItem.get("iteminfo").get(0)).put("med_chrgitm", "15");
        ObjectNode threeDecimals = upload();
        ((ObjectNode) threeDecimals.get("iteminfo").get(2)).put("amt", "1600.005");
        ObjectNode notATime = upload();
        ((ObjectNode) notATime.get("setlinfo")).put("adm_time", "2026-10-01T08:00");
        ObjectNode notAWeight = upload();
        ((ObjectNode) notAWeight.get("setlinfo")).put("nwb_bir_wt", "3kg");
        ObjectNode unknownDiagnosisType = upload();
        ((ObjectNode) unknownDiagnosisType.get("diseinfo").get(0)).put("diag_type", "9");
        ObjectNode withdrawal = submission();
        ((ObjectNode) withdrawal.get("data").get("stastinfo").get(0)).put("stas_type", "2");

        assertThatThrownBy(() -> DECLARATIONS.checkInput("4101", unknownItem)).hasMessageStartingWith("iteminfo[0].med_chrgitm: ");
        assertThatThrownBy(() -> DECLARATIONS.checkInput("4101", threeDecimals)).hasMessageStartingWith("iteminfo[2].amt: ");
        assertThatThrownBy(() -> DECLARATIONS.checkInput("4101", notATime)).hasMessageStartingWith("setlinfo.adm_time: ");
        assertThatThrownBy(() -> DECLARATIONS.checkInput("4101", notAWeight)).hasMessageStartingWith("setlinfo.nwb_bir_wt: ");
        assertThatThrownBy(() -> DECLARATIONS.checkInput("4101", unknownDiagnosisType)).hasMessageStartingWith("diseinfo[0].diag_type: ");
        assertThatThrownBy(() -> DECLARATIONS.checkInput("4102", withdrawal)).hasMessageStartingWith("data.stastinfo[0].stas_type: ");
    }

    @Test
    void theListIsCasemixsShapeFeesByCategoryTcmDiagnosesLeftOutVentilatorInHours() {
        CasemixClient.Upload u = mapped(upload()).upload();

        assertThat(u).isEqualTo(new CasemixClient.Upload(BILL.toString(), LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 10), "K35.800",
                List.of("I10.x00"), List.of(new CasemixClient.Procedure("47.0100", LocalDate.of(2026, 10, 2), true)),
                List.of(new CasemixClient.Fee("BED", Money.of("900.00")), new CasemixClient.Fee("SURGERY", Money.of("2500.00")),
                        new CasemixClient.Fee("WESTERN_DRUG", Money.of("1600.00"))),
                37, List.of(3250), "A03"));
    }

    @Test
    void everyNationalFeeItemHasACasemixCategory() {
        assertThat(SettlementLists.FEE_CATEGORIES.keySet()).isEqualTo(DECLARATIONS.dictionaries().get("med_chrgitm_type").keySet());
        assertThat(SettlementLists.FEE_CATEGORIES.values()).containsExactlyInAnyOrder("BED", "CONSULTATION", "EXAMINATION", "LABORATORY",
                "TREATMENT", "SURGERY", "NURSING", "MATERIAL", "WESTERN_DRUG", "HERBAL_PIECES", "PATENT_CHINESE_DRUG", "GENERAL_DIAGNOSIS",
                "REGISTRATION", "OTHER");
    }

    @Test
    void aListCasemixCouldNotTakeIsRefusedNamingTheNationalField() {
        ObjectNode twice = upload();
        ((ObjectNode) twice.get("iteminfo").get(2)).put("med_chrgitm", "01");
        ObjectNode twoMains = upload();
        ((ObjectNode) twoMains.get("diseinfo").get(2)).put("maindiag_flag", "1");
        ObjectNode noMain = upload();
        ((ObjectNode) noMain.get("diseinfo").get(0)).put("maindiag_flag", "0");
        ObjectNode notIcd = upload();
        ((ObjectNode) notIcd.get("diseinfo").get(2)).put("diag_code", "I10");
        ObjectNode notProcedure = upload();
        ((ObjectNode) notProcedure.get("oprninfo").get(0)).put("oprn_oprt_code", "4701");
        ObjectNode badDuration = upload();
        ((ObjectNode) badDuration.get("setlinfo")).put("vent_used_dura", "1/25/00");
        ObjectNode fractionOfAGram = upload();
        ((ObjectNode) fractionOfAGram.get("setlinfo")).put("nwb_bir_wt", "3250.50");

        assertThatThrownBy(() -> mapped(twice)).hasMessageStartingWith("iteminfo[2].med_chrgitm: ").hasMessageContaining("iteminfo[0]");
        assertThatThrownBy(() -> mapped(twoMains)).hasMessageStartingWith("diseinfo[2].maindiag_flag: ");
        assertThatThrownBy(() -> mapped(noMain)).hasMessageStartingWith("diseinfo: ");
        assertThatThrownBy(() -> mapped(notIcd)).hasMessageStartingWith("diseinfo[2].diag_code: ");
        assertThatThrownBy(() -> mapped(notProcedure)).hasMessageStartingWith("oprninfo[0].oprn_oprt_code: ");
        assertThatThrownBy(() -> mapped(badDuration)).hasMessageStartingWith("setlinfo.vent_used_dura: ");
        assertThatThrownBy(() -> mapped(fractionOfAGram)).hasMessageStartingWith("setlinfo.nwb_bir_wt: ");
    }

    @Test
    void ventilatorTimeIsWholeHoursMinutesDropped() {
        assertThat(SettlementLists.ventilatorHours(null)).isZero();
        assertThat(SettlementLists.ventilatorHours("0/5/59")).isEqualTo(5);
        assertThat(SettlementLists.ventilatorHours("4/0/0")).isEqualTo(96);
    }

    @Test
    void severalNewbornsOf4101AAreGramsSeparatedByCommas() {
        Input in = input("4101A", uploadNew());
        assertThat(SettlementLists.newbornWeights(in.object("setlinfo"), true)).extracting(SettlementLists.Listed::value)
                .containsExactly(2800, 3100);
        ObjectNode bad = uploadNew();
        ((ObjectNode) bad.get("setlinfo")).put("mul_nwb_bir_wt", "2800;3100");
        assertThatThrownBy(() -> SettlementLists.newbornWeights(input("4101A", bad).object("setlinfo"), true))
                .hasMessageStartingWith("setlinfo.mul_nwb_bir_wt: ");
    }

    @Test
    void theAnswerNamesEachFindingInTheInterfacesFieldsAndKeepsItsLayout() {
        SettlementLists.Mapped m = mapped(upload());
        CasemixClient.SettlementList held = new CasemixClient.SettlementList(BILL.toString(), "H44170000003", 2, "INCOMPLETE", List.of(
                new CasemixClient.Finding("admissionDate", "2026-10-01 is not the settled stay's admission, 2026-10-02"),
                new CasemixClient.Finding("secondaryDiagnoses[0]", "I10.x00 is not in the diagnosis table in force"),
                new CasemixClient.Finding("procedures[0].date", "2026-10-02 is outside the stay")));

        JsonNode answer = SettlementLists.output(JSON, SETL_ID, held, m.fields());

        assertThat(DECLARATIONS.outputProblems("4101", answer)).isEmpty();
        assertThat(DECLARATIONS.outputProblems("4101A", answer)).isEmpty();
        assertThat(answer.path("setl_list_id").asString()).isEqualTo(SETL_ID);
        assertThat(answer.path("list_ver").asInt()).isEqualTo(2);
        assertThat(answer.path("qc_stas_name").asString()).isEqualTo("质控未完成");
        ArrayNode info = (ArrayNode) answer.get("qc_info");
        assertThat(info.get(0).path("fld").asString()).isEqualTo("setlinfo.adm_time");
        assertThat(info.get(1).path("fld").asString()).isEqualTo("diseinfo[2].diag_code");
        assertThat(info.get(2).path("fld").asString()).isEqualTo("oprninfo[0].oprn_oprt_date");
        assertThat(m.fields()).containsEntry("mainDiagnosis", "diseinfo[0].diag_code").containsEntry("fees[1].amount", "iteminfo[1].amt");
        assertThat(Map.copyOf(m.fields())).doesNotContainKey("secondaryDiagnoses[1]");
    }
}
