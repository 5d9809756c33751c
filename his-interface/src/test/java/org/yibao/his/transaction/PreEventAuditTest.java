package org.yibao.his.transaction;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.his.national.Declarations;
import org.yibao.his.national.NationalCodes;
import org.yibao.his.visit.FeeLine;
import org.yibao.his.visit.Visit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** 3101/3102 (issue 21): the visit's facts go to supervision, and each finding comes back as a national result row. */
class PreEventAuditTest {

    private static final Declarations DECLARATIONS = new Declarations();
    private static final NationalCodes CODES = new NationalCodes(DECLARATIONS);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PERSON = "15010219700101101" + ResidentId.checkCharacter("15010219700101101");
    private static final String MDTRT = "202611300800000000000000000001";
    private static final Visit STAY = new Visit(MDTRT, "H1", PERSON, Visit.Kind.INPATIENT, "24", "310", "ZY1",
            LocalDateTime.of(2026, 11, 20, 22, 40), LocalDateTime.of(2026, 11, 30, 9, 0), List.of("I21.0"), Visit.Status.OPEN,
            "张三", "1201", new Visit.Facts("D150100000001", "0306", null, "36.0601", "0307"));
    private static final List<FeeLine> LINES = List.of(
            new FeeLine("F1", "0", "S311201001", new BigDecimal("1"), new BigDecimal("400"), new BigDecimal("400.00"),
                    LocalDateTime.of(2026, 11, 21, 8, 0), null, null, "D150100000002"),
            new FeeLine("F2", "0", "XC08CAA001", new BigDecimal("28"), new BigDecimal("0.3"), new BigDecimal("8.40"),
                    LocalDateTime.of(2026, 11, 29, 8, 0), null, new BigDecimal("7.5"), "D150100000003"));

    @Test
    void theVisitsFactsGoToSupervisionWithTheStage() {
        PreEventAudit.PreCheck sent = PreEventAudit.request(STAY, LINES, PreEventAudit.BEFORE, CODES);

        assertThat(sent.stage()).isEqualTo("BEFORE");
        assertThat(sent.visitType()).isEqualTo(VisitType.INPATIENT);
        assertThat(sent.emergency()).isTrue();                                   // 24 急诊转住院
        assertThat(sent.personType()).isEqualTo("EMPLOYEE_RETIRED");             // psn_type 1201
        assertThat(sent.admittedAt()).isEqualTo(LocalDateTime.of(2026, 11, 20, 22, 40));
        assertThat(sent.dischargedAt()).isEqualTo(LocalDateTime.of(2026, 11, 30, 9, 0));
        assertThat(sent.procedureCodes()).containsExactly("36.0601");
        assertThat(sent.doctorCode()).isEqualTo("D150100000001");
        assertThat(sent.departmentCode()).isEqualTo("0307");                     // the discharging department
        assertThat(sent.total()).isEqualTo("408.40");
        assertThat(sent.lines().get(1).daysOfSupply()).isEqualTo(8);             // 7.5 days rounded up
        assertThat(sent.lines().get(1).doctorCode()).isEqualTo("D150100000003");
        assertThat(sent.lines().get(0).daysOfSupply()).isNull();
    }

    /** A stay still going on is checked up to the latest day of its details, so that it overlaps what it overlaps. */
    @Test
    void aStayStillGoingOnIsCheckedUpToItsLatestDetail() {
        Visit ongoing = new Visit(MDTRT, "H1", PERSON, Visit.Kind.INPATIENT, "21", "310", "ZY1",
                LocalDateTime.of(2026, 11, 20, 22, 40), null, List.of("I21.0"), Visit.Status.OPEN,
                "张三", "1201", new Visit.Facts("D150100000001", "0306", null, null, null));

        PreEventAudit.PreCheck sent = PreEventAudit.request(ongoing, LINES, PreEventAudit.DURING, CODES);

        assertThat(sent.serviceDate()).isEqualTo(java.time.LocalDate.of(2026, 11, 29));
        assertThat(sent.dischargedAt()).isNull();
        assertThat(PreEventAudit.request(STAY, LINES, PreEventAudit.DURING, CODES).serviceDate()).as("a discharged stay keeps its date")
                .isEqualTo(STAY.serviceDate());
    }

    @Test
    void eachFindingIsAResultRowInTheNationalLayout() {
        JsonNode verdict = JSON.readTree("""
                {"outcome":"BLOCK","reasons":["a","b"],"findings":[
                  {"ruleId":"SB-01","rule":"SPLIT_BILLING","ruleName":"同日同院多次门诊结算（分解收费）","severity":"VIOLATION",
                   "amount":"120.00","evidence":"third bill today","line":2},
                  {"ruleId":"OQ-02","rule":"EXCESSIVE_QUANTITY","ruleName":"超量开药","severity":"SUSPECT","amount":null,
                   "evidence":"360 days in 21","line":null}]}""");

        JsonNode output = PreEventAudit.answer(verdict, STAY, LINES, "H1202611300800000001", JSON);

        assertThat(DECLARATIONS.outputProblems("3101", output)).isEmpty();
        assertThat(DECLARATIONS.outputProblems("3102", output)).isEmpty();
        assertThat(output.at("/outcome").asString()).isEqualTo("BLOCK");
        assertThat(output.at("/result")).hasSize(2);
        JsonNode first = output.at("/result/0");
        assertThat(first.at("/jr_id").asString()).isEqualTo(MDTRT + "-1");
        assertThat(first.at("/rule_id").asString()).isEqualTo("SB-01");
        assertThat(first.at("/rule_name").asString()).isEqualTo("同日同院多次门诊结算（分解收费）");
        assertThat(first.at("/vola_cont").asString()).isEqualTo("third bill today");
        assertThat(first.at("/patn_id").asString()).isEqualTo(PERSON);
        assertThat(first.at("/mdtrt_id").asString()).isEqualTo(MDTRT);
        assertThat(first.at("/vola_amt").decimalValue()).isEqualByComparingTo("120.00");
        assertThat(first.at("/vola_amt").decimalValue().scale()).isEqualTo(2);
        assertThat(first.at("/vola_amt_stas").asString()).isEqualTo("1");
        assertThat(first.at("/sev_deg").asString()).isEqualTo("1");
        assertThat(first.at("/vola_evid").asString()).isEqualTo("SB-01 SPLIT_BILLING feedetl_sn F2");
        assertThat(first.at("/vola_bhvr_type").asString()).isEqualTo("SPLIT_BILLING");
        assertThat(first.at("/task_id").asString()).isEqualTo("H1202611300800000001");
        JsonNode second = output.at("/result/1");
        assertThat(second.at("/jr_id").asString()).isEqualTo(MDTRT + "-2");
        assertThat(second.at("/sev_deg").asString()).isEqualTo("2");
        assertThat(second.at("/vola_amt").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(second.at("/vola_amt_stas").asString()).isEqualTo("0");
        assertThat(second.at("/vola_evid").asString()).isEqualTo("OQ-02 EXCESSIVE_QUANTITY");
    }

    @Test
    void anOlderSupervisionsReasonsKeepTodaysRows() {
        JsonNode verdict = JSON.readTree("{\"outcome\":\"WARN\",\"reasons\":[\"repeated charging\"]}");

        JsonNode output = PreEventAudit.answer(verdict, STAY, LINES, "M1", JSON);

        assertThat(DECLARATIONS.outputProblems("3102", output)).isEmpty();
        assertThat(output.at("/result")).hasSize(1);
        assertThat(output.at("/result/0/vola_cont").asString()).isEqualTo("repeated charging");
        assertThat(output.at("/result/0/sev_deg").asString()).isEqualTo("2");
        assertThat(output.at("/result/0/rule_id").isMissingNode()).isTrue();
    }
}
