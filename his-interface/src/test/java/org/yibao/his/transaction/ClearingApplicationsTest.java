package org.yibao.his.transaction;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.money.Money;
import org.yibao.his.envelope.Input;
import org.yibao.his.national.Declarations;
import org.yibao.his.national.HisException;
import org.yibao.his.platform.ClearingClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 3203 清算申请 and 3204 清算申请撤销: their declared layouts, the statement sent to clearing, the answer. */
class ClearingApplicationsTest {

    private static final Declarations DECLARATIONS = new Declarations();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ObjectNode application() {
        return (ObjectNode) JSON.readTree("""
                {"data":{"clr_type":"21","clr_way":"1","setlym":"202610","psntime":12,"medfee_sumamt":"2650.00","med_sumfee":"2300.00",
                 "fund_appy_sum":"1800.00","cash_payamt":"350.00","acct_pay":"100.00","begndate":"2026-10-01","enddate":"2026-10-31"}}""");
    }

    @Test
    void aWellFormedApplicationPassesItsLayout() {
        DECLARATIONS.checkInput("3203", application());
        DECLARATIONS.checkInput("3204", JSON.readTree("""
                {"data":{"clr_appy_evt_id":"202611010930000000000000000042"}}"""));
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        ObjectNode input = application();
        ((ObjectNode) input.get("data")).remove("fund_appy_sum");

        assertThatThrownBy(() -> DECLARATIONS.checkInput("3203", input))
                .isInstanceOf(HisException.class).hasMessageStartingWith("data.fund_appy_sum: ");
        assertThatThrownBy(() -> DECLARATIONS.checkInput("3204", JSON.readTree("{\"data\":{}}")))
                .isInstanceOf(HisException.class).hasMessageStartingWith("data.clr_appy_evt_id: ");
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() {
        ObjectNode notANumber = application();
        ((ObjectNode) notANumber.get("data")).put("acct_pay", "abc");
        ObjectNode notADate = application();
        ((ObjectNode) notADate.get("data")).put("enddate", "2026-10-32");
        ObjectNode threeDecimals = application();
        ((ObjectNode) threeDecimals.get("data")).put("medfee_sumamt", "1.005");
        ObjectNode unknownType = application();
        ((ObjectNode) unknownType.get("data")).put("clr_type", "99");
        ObjectNode tooLong = application();
        ((ObjectNode) tooLong.get("data")).put("setlym", "2026100");

        assertThatThrownBy(() -> DECLARATIONS.checkInput("3203", notANumber)).hasMessageStartingWith("data.acct_pay: ");
        assertThatThrownBy(() -> DECLARATIONS.checkInput("3203", notADate)).hasMessageStartingWith("data.enddate: ");
        assertThatThrownBy(() -> DECLARATIONS.checkInput("3203", threeDecimals)).hasMessageStartingWith("data.medfee_sumamt: ");
        assertThatThrownBy(() -> DECLARATIONS.checkInput("3203", unknownType)).hasMessageStartingWith("data.clr_type: ");
        assertThatThrownBy(() -> DECLARATIONS.checkInput("3203", tooLong)).hasMessageStartingWith("data.setlym: ");
    }

    @Test
    void theStatementIsTheMonthOfSetlymWithTheAmountsInYuan() {
        ClearingClient.Statement s = ClearingApplications.statement(data(application()), "H4117020000120261101093000" + "0001");

        assertThat(s).isEqualTo(new ClearingClient.Statement("H41170200001202611010930000001", "2026-10", "INPATIENT", "1",
                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), 12, "2650.00", "2300.00", "1800.00", "350.00", "100.00"));
    }

    @Test
    void aMonthNotWrittenYyyyMmOrDatesOutsideItAreRefusedNamingTheField() {
        ObjectNode badMonth = application();
        ((ObjectNode) badMonth.get("data")).put("setlym", "202613");
        ObjectNode outside = application();
        ((ObjectNode) outside.get("data")).put("enddate", "2026-11-01");
        ObjectNode reversed = application();
        ((ObjectNode) reversed.get("data")).put("begndate", "2026-10-20").put("enddate", "2026-10-19");

        assertThatThrownBy(() -> ClearingApplications.statement(data(badMonth), "m")).hasMessageStartingWith("data.setlym: ");
        assertThatThrownBy(() -> ClearingApplications.statement(data(outside), "m")).hasMessageStartingWith("data.enddate: ")
                .hasMessageContaining("one month");
        assertThatThrownBy(() -> ClearingApplications.statement(data(reversed), "m")).hasMessageStartingWith("data.enddate: ");
    }

    @Test
    void anAnswerThatAgreesAndOneThatDiffersKeepTheirDeclaredLayout() {
        JsonNode agrees = ClearingApplications.output(JSON, new ClearingClient.Application("202611010930000000000000000042", "IN_FORCE",
                new ClearingClient.Reconciliation(true, Money.of("1800.00"), Money.of("100.00"), Money.of("1800.00"), Money.of("100.00"),
                        List.of())));
        JsonNode differs = ClearingApplications.output(JSON, new ClearingClient.Application("202611010930000000000000000043", "IN_FORCE",
                new ClearingClient.Reconciliation(false, Money.of("1850.00"), Money.of("100.00"), Money.of("1800.00"), Money.of("100.00"),
                        List.of(new ClearingClient.Difference("fundAmount", Money.of("1850.00"), Money.of("1800.00"), Money.of("50.00"))))));

        assertThat(DECLARATIONS.outputProblems("3203", agrees)).isEmpty();
        assertThat(DECLARATIONS.outputProblems("3203", differs)).isEmpty();
        assertThat(agrees.at("/stmtinfo/stmt_rslt").asString()).isEqualTo("0");
        assertThat(differs.at("/stmtinfo/stmt_rslt").asString()).isEqualTo("1");
        assertThat(differs.at("/stmtinfo/stmt_rslt_dscr").asString())
                .isEqualTo("fund_appy_sum: the month's applications state 1850.00, the platform owes 1800.00 (difference 50.00)");
        assertThat(differs.path("clr_appy_evt_id").asString()).isEqualTo("202611010930000000000000000043");
    }

    private static Input data(JsonNode input) {
        return new Input(input, DECLARATIONS.of("3203").inputPaths()).object("data");
    }
}
