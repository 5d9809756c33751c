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
                .hasMessage("data.med_type: 21 is not a medical type of an outpatient visit; one of [11, 13, 14, 51]");
        // issue 21: an emergency (13 急诊) is a general outpatient visit, an emergency admission (24 急诊转住院) a stay
        assertThat(Billing.visitType("13", "med_type")).isEqualTo(VisitType.GENERAL_OUTPATIENT);
        assertThat(Billing.visitType("24", "med_type")).isEqualTo(VisitType.INPATIENT);
        Billing.requireKind("24", Visit.Kind.INPATIENT, "data.med_type");
        // issue 22, maternity insurance: 51 生育门诊 is prenatal care, an outpatient visit; 52 生育住院 a delivery's stay
        assertThat(Billing.visitType("51", "med_type")).isEqualTo(VisitType.PRENATAL_CARE);
        assertThat(Billing.visitType("52", "med_type")).isEqualTo(VisitType.DELIVERY);
        Billing.requireKind("51", Visit.Kind.OUTPATIENT, "data.med_type");
        Billing.requireKind("52", Visit.Kind.INPATIENT, "data.med_type");
        assertThatThrownBy(() -> Billing.requireKind("52", Visit.Kind.OUTPATIENT, "data.med_type"))
                .hasMessageContaining("52 is not a medical type of an outpatient visit");
        assertThatThrownBy(() -> Billing.visitType("99", "data.med_type"))
                .hasMessageStartingWith("data.med_type: 99 is not a medical type this platform settles");
    }

    /** Issue 21: a stay's facts travel in the native request; its discharge only on a bill billed on the discharge day. */
    @Test
    void aStaysFactsTravelAndItsDischargeOnlyOnTheDischargeDaysBill() {
        Visit stay = new Visit("M1", "H1", "P1", Visit.Kind.INPATIENT, "24", "390", "ZY1", LocalDateTime.of(2026, 11, 20, 22, 40),
                LocalDateTime.of(2026, 11, 30, 9, 0), List.of("I21.0"), Visit.Status.OPEN, "张三", "1501",
                new Visit.Facts("D1", "0306", "36.0601", "36.0602", null));
        FeeLine drug = new FeeLine("s1", "0", "X01", new BigDecimal("28"), new BigDecimal("0.3"), new BigDecimal("8.40"),
                LocalDateTime.of(2026, 11, 29, 8, 0), null, new BigDecimal("14"), "D2");

        SettlementClient.SettleRequest onDischarge = Billing.request(stay, List.of(drug), java.time.LocalDate.of(2026, 11, 30), "k", "f");
        SettlementClient.SettleRequest before = Billing.request(stay, List.of(drug), java.time.LocalDate.of(2026, 11, 29), "k", "f");

        assertThat(onDischarge.visitType()).isEqualTo(VisitType.INPATIENT);
        assertThat(onDischarge.emergency()).isTrue();
        assertThat(onDischarge.admittedAt()).isEqualTo(LocalDateTime.of(2026, 11, 20, 22, 40));
        assertThat(onDischarge.dischargedAt()).isEqualTo(LocalDateTime.of(2026, 11, 30, 9, 0));
        assertThat(onDischarge.procedureCodes()).containsExactly("36.0602", "36.0601");   // the discharge's first
        assertThat(onDischarge.doctorCode()).isEqualTo("D1");
        assertThat(onDischarge.departmentCode()).isEqualTo("0306");
        assertThat(onDischarge.lines()).containsExactly(new SettlementClient.Line("X01", new BigDecimal("28"), "0.30", 14, "D2"));
        assertThat(before.dischargedAt()).isNull();
        assertThat(before.admittedAt()).isEqualTo(LocalDateTime.of(2026, 11, 20, 22, 40));

        Visit emergency = new Visit("M2", "H1", "P1", Visit.Kind.OUTPATIENT, "13", "390", "MZ1", LocalDateTime.of(2026, 11, 30, 2, 0),
                null, List.of(), Visit.Status.OPEN, "张三", "1501");
        SettlementClient.SettleRequest outpatient = Billing.request(emergency, List.of(drug), java.time.LocalDate.of(2026, 11, 30), "k", "f");
        assertThat(outpatient.visitType()).isEqualTo(VisitType.GENERAL_OUTPATIENT);
        assertThat(outpatient.emergency()).isTrue();
        assertThat(outpatient.admittedAt()).isNull();
        assertThat(outpatient.procedureCodes()).isEmpty();
    }

    /** Beyond 500 details, details of one item, price and prescribing doctor are summed with their days of supply. */
    @Test
    void summedDetailsAddTheirDaysOfSupplyAndKeepTheirDoctorsApart() {
        List<FeeLine> details = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            details.add(new FeeLine("s" + i, "0", "X01", new BigDecimal("1"), new BigDecimal("1"), new BigDecimal("1.00"),
                    LocalDateTime.of(2026, 11, 30, 8, 0), null, i < 3 ? new BigDecimal("10") : null, i % 2 == 0 ? "D1" : "D2"));
        }

        List<SettlementClient.Line> lines = Billing.nativeLines(details, "feedetail");

        assertThat(lines).containsExactly(new SettlementClient.Line("X01", new BigDecimal("251"), "1.00", 20, "D1"),
                new SettlementClient.Line("X01", new BigDecimal("250"), "1.00", 10, "D2"));
    }
}
