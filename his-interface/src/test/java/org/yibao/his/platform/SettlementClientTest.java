package org.yibao.his.platform;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.events.ItemCategory;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** settlement's answers as they travel, bound onto the client's records. */
class SettlementClientTest {

    private static final String BILL = """
            {"id":"6f1c2b9e-1d2a-4c3b-9a8e-0b1c2d3e4f50","status":"SETTLED","messageId":"m1","personId":"P1",
             "institutionCode":"H1","regionCode":"150100","scheme":"RESIDENT","visitType":"GENERAL_OUTPATIENT","place":"LOCAL",
             "serviceDate":"2026-11-30","diagnosisCodes":["I10"],"policyPack":"hohhot-2026@3",
             "amounts":{"total":"408.40","fullSelfPay":"12.30","priorSelfPay":"20.00","policyScope":"376.10","deductible":"200.00",
                        "basicFund":"114.47","catastrophic":"10.00","supplementary":"5.55","assistance":"3.00","personalAccount":"0.00",
                        "cash":"275.38"},
             "lines":[{"itemCode":"X01","itemName":"a","category":"DRUG","itemClass":"A","inCatalog":true,"quantity":3,
                       "unitPrice":"0.3333","amount":"1.00","fullSelfPay":"0.00","priorSelfPay":"0.00","vbp":false,"paidInFullBy":null,
                       "priceCeiling":null},
                      {"itemCode":"Z02","itemName":"b","category":null,"itemClass":null,"inCatalog":false,"quantity":1,
                       "unitPrice":"407.40","amount":"407.40","fullSelfPay":"12.30","priorSelfPay":"20.00","vbp":false,
                       "paidInFullBy":"liangbing","priceCeiling":"400.00"}],
             "uncataloguedItems":["Z02"],"preCheck":{"outcome":"PASS","reasons":[]},"settledAt":"2026-11-30T01:02:03.456Z",
             "reversalId":null,"reversedAt":null,"reversalReason":null,"account":null}""";

    private final JsonMapper json = JsonMapper.builder().build();

    private <T> T bind(String text, JavaType type) {
        return PlatformApis.bind(PlatformApis.binding(json), text, type, "settlement's answer to /api/settlement/x");
    }

    @Test
    void aBillIsBoundWithTheContractsAmountsAndItsLinesAsTheyCame() {
        SettlementClient.Bill bill = bind(BILL, json.constructType(SettlementClient.Bill.class));

        assertThat(bill.id()).isEqualTo(UUID.fromString("6f1c2b9e-1d2a-4c3b-9a8e-0b1c2d3e4f50"));
        assertThat(bill.scheme()).isEqualTo(Scheme.RESIDENT);
        assertThat(bill.amounts().basicFund()).isEqualTo(Money.of("114.47"));
        assertThat(bill.amounts().fundsPaid()).isEqualTo(Money.of("133.02"));
        assertThat(bill.settledAt()).isEqualTo(Instant.parse("2026-11-30T01:02:03.456Z"));
        assertThat(bill.reversedAt()).isNull();
        assertThat(bill.lines()).hasSize(2);
        SettlementClient.BillLine first = bill.lines().get(0);
        assertThat(first.category()).isEqualTo(ItemCategory.DRUG);
        assertThat(first.itemClass()).isEqualTo(ItemClass.A);
        assertThat(first.unitPrice().amount()).isEqualByComparingTo("0.3333");
        assertThat(first.priceCeiling()).isNull();
        SettlementClient.BillLine second = bill.lines().get(1);
        assertThat(second.itemClass()).isNull();
        assertThat(second.paidInFullBy()).isEqualTo("liangbing");
        assertThat(second.priceCeiling()).isEqualTo(Money.of("400.00"));
    }

    @Test
    void aRenamedMemberFailsWhereTheAnswerIsBoundNamingIt() {
        assertThatThrownBy(() -> bind(BILL.replace("\"basicFund\"", "\"basicFunds\""), json.constructType(SettlementClient.Bill.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("settlement's answer to /api/settlement/x does not bind onto Bill")
                .hasMessageContaining("basicFund");
        assertThatThrownBy(() -> bind(BILL.replace("\"settledAt\"", "\"settledOn\""), json.constructType(SettlementClient.Bill.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("settledAt");
    }

    @Test
    void billPartsThatDoNotAddUpAreRefusedByTheContract() {
        assertThatThrownBy(() -> bind(BILL.replace("\"cash\":\"275.38\"", "\"cash\":\"275.39\""),
                json.constructType(SettlementClient.Bill.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("layers add up to");
    }

    @Test
    void theLedgerOfAnInstitutionIsBoundRowByRow() {
        List<SettlementClient.LedgerEntry> ledger = bind("""
                [{"id":"6f1c2b9e-1d2a-4c3b-9a8e-0b1c2d3e4f50","messageId":"m1","personId":"P1","scheme":"EMPLOYEE",
                  "visitType":"INPATIENT","serviceDate":"2026-11-30","settledAt":"2026-11-30T01:02:03Z",
                  "reversalId":"0a1c2b9e-1d2a-4c3b-9a8e-0b1c2d3e4f51","reversedAt":"2026-11-30T02:00:00Z","total":"100.00",
                  "funds":"70.00","personalAccount":"0.00","cash":"30.00"}]""",
                json.getTypeFactory().constructCollectionType(List.class, SettlementClient.LedgerEntry.class));

        assertThat(ledger).singleElement().satisfies(e -> {
            assertThat(e.visitType()).isEqualTo(VisitType.INPATIENT);
            assertThat(e.funds()).isEqualTo(Money.of("70.00"));
            assertThat(e.reversalId()).isEqualTo(UUID.fromString("0a1c2b9e-1d2a-4c3b-9a8e-0b1c2d3e4f51"));
        });
    }

    @Test
    void accumulatorsKeepTheCapPoolsInTheOrderSettlementGaveThem() {
        SettlementClient.PersonAccumulators found = bind("""
                {"year":2026,"scheme":"RESIDENT","accumulators":{"deductibleUsed":{"outpatient":"200.00","inpatient":"600.00",
                  "chronic":"0.50"},"fundPaid":{"inpatient":"10.00","outpatient":"20.00"},"policyScopeSelfPay":"1.00",
                  "catastrophicPaid":"2.00","supplementaryBase":"3.00","supplementaryPaid":"4.00","assistancePaid":"5.00"}}""",
                json.constructType(SettlementClient.PersonAccumulators.class));

        assertThat(found.accumulators().deductibleUsed().keySet()).containsExactly("outpatient", "inpatient", "chronic");
        assertThat(found.accumulators().fundPaid().keySet()).containsExactly("inpatient", "outpatient");
        assertThat(found.accumulators().assistancePaid()).isEqualTo(Money.of("5.00"));
    }
}
