package org.yibao.supervision.precheck;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.events.VisitType;
import org.yibao.supervision.nationalcatalog.CatalogEntry;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RestrictedPaymentTest {

    private static final CatalogEntry INSULIN = entry("XA10AE04", "甘精胰岛素",
            new CatalogEntry.Restriction("DIAGNOSES", "E10,E11", "限糖尿病患者"));
    private static final CatalogEntry ALBUMIN = entry("XB05AAR001", "人血白蛋白",
            new CatalogEntry.Restriction("INPATIENT_ONLY", null, "限住院患者"));
    private static final Map<String, CatalogEntry> CATALOG = Map.of(INSULIN.code(), INSULIN, ALBUMIN.code(), ALBUMIN);

    @Test
    void anItemWhoseDiagnosisConditionNoDiagnosisMeetsIsAWarningNamingItAndTheCondition() {
        List<String> warnings = RestrictedPayment.warnings(List.of("S120100001", "XA10AE04"), CATALOG, List.of("I10"),
                VisitType.GENERAL_OUTPATIENT);

        assertThat(warnings).containsExactly("line 2 (XA10AE04 甘精胰岛素) is paid only under its condition \"限糖尿病患者\""
                + " (diagnoses E10, E11); the bill's diagnoses are [I10] (restricted payment)");
        assertThat(RestrictedPayment.warnings(List.of("XA10AE04"), CATALOG, List.of("I10", "E11.900"), VisitType.GENERAL_OUTPATIENT))
                .isEmpty();
        assertThat(RestrictedPayment.warnings(List.of("XA10AE04"), CATALOG, List.of(), VisitType.INPATIENT)).hasSize(1);
    }

    @Test
    void anInpatientOnlyItemOnAnotherBillIsAWarningAndOnAStayIsNot() {
        assertThat(RestrictedPayment.warnings(List.of("XB05AAR001"), CATALOG, List.of("K74.6"), VisitType.CHRONIC_OUTPATIENT))
                .containsExactly("line 1 (XB05AAR001 人血白蛋白) is paid only under its condition \"限住院患者\" (inpatients);"
                        + " this bill is CHRONIC_OUTPATIENT (restricted payment)");
        assertThat(RestrictedPayment.warnings(List.of("XB05AAR001"), CATALOG, List.of("K74.6"), VisitType.INPATIENT)).isEmpty();
    }

    @Test
    void itemsTheCatalogDoesNotListAndConditionsThePreCheckDoesNotReadWarnOfNothing() {
        CatalogEntry retirees = entry("XR1", "某药", new CatalogEntry.Restriction("RETIREES_ONLY", null, "限退休人员"));

        assertThat(RestrictedPayment.warnings(List.of("XUNKNOWN", "XR1"), Map.of("XR1", retirees), List.of(),
                VisitType.PHARMACY)).isEmpty();
    }

    private static CatalogEntry entry(String code, String name, CatalogEntry.Restriction restriction) {
        return new CatalogEntry(code, LocalDate.of(2026, 1, 1), name, ItemClass.B, null, null, Map.of(), List.of(restriction));
    }
}
