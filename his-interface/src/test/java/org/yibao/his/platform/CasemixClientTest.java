package org.yibao.his.platform;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.money.Money;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** casemix's answer to a settlement list (its SettlementList as CasemixFlowIT sees it) bound onto the client's records; the upload's JSON. */
class CasemixClientTest {

    private static final String LIST = """
            {"settlementId":"0b7c6a52-8d0e-4e0b-9a51-3c1f4f1d2e77","institutionCode":"H44170000003","version":2,
             "admissionDate":"2026-10-01","dischargeDate":"2026-10-10","mainDiagnosis":"K35.800","secondaryDiagnoses":["I10.x00"],
             "procedures":[{"code":"47.0100","date":"2026-10-02","main":true}],
             "fees":[{"category":"BED","amount":"900.00"},{"category":"SURGERY","amount":"2500.00"}],"feeTotal":"3400.00",
             "ventilatorHours":0,"newbornWeights":[],"department":"A03","state":"INCOMPLETE",
             "findings":[{"field":"admissionDate","reason":"2026-10-01 is not the settled stay's admission, 2026-10-02"}],
             "uploadedBy":"his-H44170000003","uploadedAt":"2026-12-01T02:20:30.123456Z","checkedAt":"2026-12-01T02:20:30.123456Z"}""";

    private final JsonMapper json = JsonMapper.builder().build();

    private <T> T bind(String text, JavaType type) {
        return PlatformApis.bind(PlatformApis.binding(json), text, type, "casemix's answer to /api/casemix/x");
    }

    @Test
    void aListIsBoundWithItsStateAndFindings() {
        CasemixClient.SettlementList l = bind(LIST, json.constructType(CasemixClient.SettlementList.class));

        assertThat(l.settlementId()).isEqualTo("0b7c6a52-8d0e-4e0b-9a51-3c1f4f1d2e77");
        assertThat(l.version()).isEqualTo(2);
        assertThat(l.state()).isEqualTo("INCOMPLETE");
        assertThat(l.findings()).containsExactly(
                new CasemixClient.Finding("admissionDate", "2026-10-01 is not the settled stay's admission, 2026-10-02"));
    }

    @Test
    void aMemberCasemixRenamedFailsWhereTheAnswerIsBoundNamingIt() {
        String renamed = LIST.replace("\"state\"", "\"qcState\"");

        assertThatThrownBy(() -> bind(renamed, json.constructType(CasemixClient.SettlementList.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("casemix's answer to /api/casemix/x does not bind")
                .hasMessageContaining("state");
    }

    @Test
    void theUploadIsWrittenInCasemixsMemberNamesWithDatesAndMoneyAsText() {
        CasemixClient.Upload u = new CasemixClient.Upload("0b7c6a52-8d0e-4e0b-9a51-3c1f4f1d2e77", LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 10), "K35.800", List.of("I10.x00"),
                List.of(new CasemixClient.Procedure("47.0100", LocalDate.of(2026, 10, 2), true)),
                List.of(new CasemixClient.Fee("BED", Money.of("900.00"))), 37, List.of(3250), "A03");

        tools.jackson.databind.JsonNode written = json.readTree(json.writeValueAsString(u));

        assertThat(written.path("admissionDate").asString()).isEqualTo("2026-10-01");
        assertThat(written.at("/procedures/0/main").asBoolean()).isTrue();
        assertThat(written.at("/fees/0/category").asString()).isEqualTo("BED");
        assertThat(written.at("/fees/0/amount").asString()).isEqualTo("900.00");
        assertThat(written.path("ventilatorHours").asInt()).isEqualTo(37);
        assertThat(written.at("/newbornWeights/0").asInt()).isEqualTo(3250);
    }
}
