package org.yibao.his.envelope;

import org.junit.jupiter.api.Test;
import org.yibao.his.national.Declarations;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransactionsTest {

    private static final Function<Call, JsonNode> NOTHING = call -> JsonNodeFactory.instance.objectNode();

    @Test
    void aTableThatMatchesTheDeclarationsFindsEachTransactionAndListsThePharmacysInOrder() {
        Transactions table = new Transactions(List.of(Transaction.ofHospitals("2201", NOTHING),
                Transaction.ofAll("9001", NOTHING).withoutSignIn(), Transaction.ofAll("1101", NOTHING)), Set.of("1101", "2201", "9001"));

        assertThat(table.infnos()).containsExactly("1101", "2201", "9001");
        assertThat(table.forPharmacies()).containsExactly("1101", "9001");
        assertThat(table.find("9001")).get().satisfies(t -> {
            assertThat(t.needsSignIn()).isFalse();
            assertThat(t.forPharmacies()).isTrue();
        });
        assertThat(table.find("2201")).get().satisfies(t -> {
            assertThat(t.needsSignIn()).isTrue();
            assertThat(t.forPharmacies()).isFalse();
        });
        assertThat(table.find("2202")).isEmpty();
    }

    @Test
    void aDeclaredTransactionWithoutAHandlerStopsTheStartNamingIt() {
        assertThatThrownBy(() -> new Transactions(List.of(Transaction.ofAll("1101", NOTHING)), Set.of("1101", "2201")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2201 is declared in national-interface/transactions.yml but has no handler")
                .hasMessageNotContaining("1101");
    }

    @Test
    void aHandlerWithoutADeclarationStopsTheStartNamingIt() {
        assertThatThrownBy(() -> new Transactions(List.of(Transaction.ofAll("1101", NOTHING), Transaction.ofHospitals("2999", NOTHING)),
                Set.of("1101")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2999 has a handler but no declaration");
    }

    @Test
    void anInfnoListedTwiceStopsTheStartNamingIt() {
        assertThatThrownBy(() -> new Transactions(List.of(Transaction.ofAll("1101", NOTHING), Transaction.ofHospitals("1101", NOTHING)),
                Set.of("1101")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1101 is listed twice");
    }

    @Test
    void theDeclarationsFileDeclaresEveryTransactionOfTheNationalInterface() {
        // the table of docs/his-interface.md; the application's own table is checked against the same file when it starts
        assertThat(new Declarations().infnos()).hasSize(53).contains("9001", "1301", "1306", "2207", "2304", "2601", "3202", "3203", "3204", "3301", "3302", "4101", "4101A", "4102", "5206", "9102");
    }
}
