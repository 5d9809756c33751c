package org.yibao.his.visit;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.events.VisitType;
import org.yibao.his.national.HisException;
import org.yibao.his.platform.SettlementClient;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The details as the native API's lines (see {@link Billing}'s "Many details"). */
class BillingTest {

    private static FeeLine detail(int n, String item, String quantity, String price, String amount) {
        return new FeeLine("s" + n, "0", item, new BigDecimal(quantity), new BigDecimal(price), new BigDecimal(amount),
                LocalDateTime.of(2026, 11, 30, 8, 0), null);
    }

    private static FeeLine exact(int n, String item, String quantity, String price) {
        return detail(n, item, quantity, price,
                new BigDecimal(quantity).multiply(new BigDecimal(price)).setScale(2, RoundingMode.HALF_UP).toPlainString());
    }

    @Test
    void upTo500DetailsGoLineByLineWithPricesOfAtLeastTwoDecimals() {
        List<SettlementClient.Line> lines = Billing.nativeLines(List.of(exact(1, "CT", "1", "150"), exact(2, "CT", "1", "150"),
                exact(3, "X01", "3", "0.3333"), exact(4, "X02", "2.5", "4.100000")), "feedetail");

        assertThat(lines).containsExactly(new SettlementClient.Line("CT", new BigDecimal("1"), "150.00"),
                new SettlementClient.Line("CT", new BigDecimal("1"), "150.00"),
                new SettlementClient.Line("X01", new BigDecimal("3"), "0.3333"),
                new SettlementClient.Line("X02", new BigDecimal("2.5"), "4.10"));
    }

    @Test
    void beyond500DetailsOfOneItemAndPriceAreSummedAndAnInexactOneGoesOnItsOwn() {
        List<FeeLine> details = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            details.add(exact(i, i % 2 == 0 ? "A" : "B", "2", "10"));
        }
        details.add(exact(600, "X01", "3", "0.3333"));   // 0.9999 billed as 1.00: not exactly cnt x pric

        List<SettlementClient.Line> lines = Billing.nativeLines(details, "feedetail");

        assertThat(lines).containsExactly(new SettlementClient.Line("A", new BigDecimal("600"), "10.00"),
                new SettlementClient.Line("B", new BigDecimal("600"), "10.00"),
                new SettlementClient.Line("X01", new BigDecimal("3"), "0.3333"));
    }

    @Test
    void moreThan500DifferentItemsAndPricesAreRefusedNamingTheField() {
        List<FeeLine> details = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            details.add(exact(i, "I" + i, "1", "1"));
        }
        assertThatThrownBy(() -> Billing.nativeLines(details, "feedetail"))
                .isInstanceOf(HisException.class)
                .hasMessageStartingWith("feedetail: holds 501 different items and prices in one bill");
    }

    @Test
    void aMedicalTypeIsOfItsVisitsKind() {
        assertThat(Billing.visitType("14", "med_type")).isEqualTo(VisitType.CHRONIC_OUTPATIENT);
        assertThatThrownBy(() -> Billing.requireKind("21", Visit.Kind.OUTPATIENT, "data.med_type"))
                .hasMessage("data.med_type: 21 is not a medical type of an outpatient visit; one of [11, 14]");
        assertThatThrownBy(() -> Billing.visitType("99", "data.med_type"))
                .hasMessageStartingWith("data.med_type: 99 is not a medical type this platform settles");
    }
}
