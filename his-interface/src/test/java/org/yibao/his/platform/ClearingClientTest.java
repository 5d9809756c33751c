package org.yibao.his.platform;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.money.Money;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** clearing's answer to a clearing application (as ClearingApplicationIT sees it), bound onto the client's records. */
class ClearingClientTest {

    private static final String APPLICATION = """
            {"applicationId":"202612011020300000000000000007","institutionCode":"H41170212345","messageId":"M-1","period":"2026-10",
             "clearingType":"INPATIENT","clearingWay":"1","beginDate":"2026-10-01","endDate":"2026-10-31","visits":2,
             "medicalFeeTotal":"2650.00","eligibleFeeTotal":"2300.00","fundAmount":"50.00","cashAmount":"350.00","accountAmount":"0.00",
             "state":"IN_FORCE",
             "reconciliation":{"agrees":false,"monthFundStated":"1850.00","monthAccountStated":"100.00","platformFundOwed":"1800.00",
                               "platformAccountOwed":"100.00",
                               "differences":[{"amount":"fundAmount","stated":"1850.00","platform":"1800.00","difference":"50.00"}]},
             "filedBy":"his-H41170212345","filedAt":"2026-12-01T02:20:30.123456Z","cancelledBy":null,"cancelledAt":null}""";

    private final JsonMapper json = JsonMapper.builder().build();

    private <T> T bind(String text, JavaType type) {
        return PlatformApis.bind(PlatformApis.binding(json), text, type, "clearing's answer to /api/clearing/x");
    }

    @Test
    void anApplicationIsBoundWithItsReconciliationAndItsDifferences() {
        ClearingClient.Application a = bind(APPLICATION, json.constructType(ClearingClient.Application.class));

        assertThat(a.applicationId()).isEqualTo("202612011020300000000000000007");
        assertThat(a.state()).isEqualTo("IN_FORCE");
        assertThat(a.reconciliation().agrees()).isFalse();
        assertThat(a.reconciliation().platformFundOwed()).isEqualTo(Money.of("1800.00"));
        assertThat(a.reconciliation().differences()).containsExactly(
                new ClearingClient.Difference("fundAmount", Money.of("1850.00"), Money.of("1800.00"), Money.of("50.00")));
    }

    @Test
    void aMemberClearingRenamedFailsWhereTheAnswerIsBoundNamingIt() {
        String renamed = APPLICATION.replace("\"platformFundOwed\"", "\"fundsOwed\"");

        assertThatThrownBy(() -> bind(renamed, json.constructType(ClearingClient.Application.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("clearing's answer to /api/clearing/x does not bind")
                .hasMessageContaining("platformFundOwed");
    }
}
