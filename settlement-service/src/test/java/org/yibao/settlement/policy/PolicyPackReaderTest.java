package org.yibao.settlement.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;

import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyPackReaderTest {

    private static final String VALID = PolicyPackReaderTestPacks.VALID;

    @Test
    void everyShippedPackLoads() {
        PolicyPacks packs = PolicyPacks.loadFromClasspath();

        assertThat(packs.all()).extracting(PolicyPack::id).containsExactlyInAnyOrder(
                "yangjiang-2019-resident", "yangjiang-2019-employee", "jiangjin-2023-employee",
                "hohhot-2022-resident", "pingdingshan-2020-resident", "zhumadian-2021-resident", "zhumadian-2021-employee");
        assertThat(packs.inForce("441700", Scheme.RESIDENT, LocalDate.of(2019, 6, 1))).map(PolicyPack::label)
                .contains("yangjiang-2019-resident@4");
        assertThat(packs.inForce("441700", Scheme.RESIDENT, LocalDate.of(2018, 12, 31))).isEmpty();
        // the simulated city's packs cover every visit type, for a county of the city, in later years too
        for (Scheme scheme : Scheme.values()) {
            assertThat(packs.inForce("411721", scheme, LocalDate.of(2026, 3, 1)).orElseThrow().visits().keySet())
                    .containsExactlyInAnyOrderElementsOf(PolicyPack.visitTypesOf(scheme));
        }
    }

    @Test
    void readsAValidPack() {
        PolicyPack pack = PolicyPackReader.read("test-2024-resident.yml", VALID);

        assertThat(pack.label()).isEqualTo("test-2024-resident@2");
        assertThat(pack.rulesFor(VisitType.INPATIENT).orElseThrow()
                .ratioFor(PersonType.RESIDENT, InstitutionLevel.LEVEL_3, Optional.empty()))
                .hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("0.60"));
        assertThat(pack.catastrophic().orElseThrow().tilts().values().iterator().next().threshold())
                .isEqualTo(Money.of("3000.00"));
    }

    static Stream<Arguments> badFields() {
        return Stream.of(
                Arguments.of("RESIDENT: { LEVEL_3: 0.60 }", "RESIDENT: { LEVEL_3: 1.60 }",
                        "visits.INPATIENT.ratio.RESIDENT.LEVEL_3: must be a ratio between 0 and 1, was 1.6"),
                Arguments.of("LEVEL_3: \"700.00\" }", "LEVEL_3: 700.5 }",
                        "visits.INPATIENT.deductible.LEVEL_3: must be written as a quoted amount"),
                Arguments.of("annualCap: \"100000.00\"", "annualCap: \"100000.001\"",
                        "visits.INPATIENT.annualCap: money has more than 2 decimals"),
                Arguments.of("capPool: inpatient", "capPool: inpatient\n    copay: 0.1",
                        "visits.INPATIENT.copay: is not a known field"),
                Arguments.of("scheme: RESIDENT", "scheme: FARMER",
                        "scheme: must be one of [EMPLOYEE, RESIDENT], was 'FARMER'"),
                Arguments.of("deductible: { LEVEL_3: \"700.00\" }", "deductible: { LEVEL_2: \"400.00\" }",
                        "visits.INPATIENT.deductible.LEVEL_3: is missing"),
                Arguments.of("- { ratio: 0.70 }", "- { width: \"1.00\", ratio: 0.70 }",
                        "catastrophic.bands[1].width: the last band must be open-ended"),
                Arguments.of("code: \"441700\"", "code: \"4417\"",
                        "region.code: must be a 6-digit administrative division code"),
                Arguments.of("effectiveFrom: 2024-01-01", "effectiveFrom: someday", "effectiveFrom: must be a date"),
                Arguments.of("thresholdFactor: 0.20,", "thresholdFactor: 0.20, threshold: \"3000.00\",",
                        "catastrophic.tilts.EXTREME_POVERTY: needs exactly one of"),
                Arguments.of("annualCap: \"100000.00\"", "annualCap: { EMPLOYEE_ACTIVE: \"100.00\" }",
                        "visits.INPATIENT.annualCap.RESIDENT: is required"),
                Arguments.of("annualCap: \"100000.00\"", "annualCap: { RESIDENT: { EMPLOYER: \"100.00\" } }",
                        "visits.INPATIENT.annualCap.RESIDENT: residents have no employment tier"),
                Arguments.of("deductible: { LEVEL_3: \"700.00\" }",
                        "deductible: { RESIDENT: { LEVEL_3: \"700.00\" }, LEVEL_2: \"1.00\" }",
                        "visits.INPATIENT.deductible.LEVEL_2: mixes a level with person types"),
                Arguments.of("capPool: inpatient", "capPool: inpatient\n    outOfArea: { unfiledRatioCut: 0.10 }",
                        "visits.INPATIENT.outOfArea.filedRatioCut: is required"),
                Arguments.of("scheme: RESIDENT", "scheme: RESIDENT\nzeroPay:\n  - { name: x, catalog: LIANGBING, "
                                + "diseases: [I10], itemClass: A, visitTypes: [INPATIENT], capPool: inpatient }",
                        "zeroPay[0].capPool: must be a pool of its own"),
                Arguments.of("scheme: RESIDENT", "scheme: RESIDENT\nzeroPay:\n  - { name: x, catalog: LIANGBING, "
                                + "diseases: [hypertension], itemClass: A, visitTypes: [INPATIENT], capPool: lb }",
                        "zeroPay[0].diseases: must be ICD-10 codes"),
                Arguments.of("scheme: RESIDENT", "scheme: RESIDENT\nzeroPay:\n  - { name: x, catalog: LIANGBING, "
                                + "diseases: [I10], itemClass: A, visitTypes: [PHARMACY], capPool: lb }",
                        "zeroPay[0].visitTypes: PHARMACY has no rules in this pack"),
                // bound by Jackson (issue 18): the same refusals for shapes the hand-written reader never saw
                Arguments.of("INPATIENT:\n    capPool", "SURGERY:\n    capPool",
                        "visits.SURGERY: is not a known field; expected one of [CHRONIC_OUTPATIENT, DELIVERY, GENERAL_OUTPATIENT, INPATIENT, PHARMACY, PRENATAL_CARE]"),
                Arguments.of("RESIDENT: { LEVEL_3: 0.60 }", "RESIDENT: { LEVEL_9: 0.60 }",
                        "visits.INPATIENT.ratio.RESIDENT.LEVEL_9: is not a known field"),
                Arguments.of("RESIDENT: { LEVEL_3: 0.60 }", "RESIDENT: { LEVEL_3: }",
                        "visits.INPATIENT.ratio.RESIDENT.LEVEL_3: is required"),
                Arguments.of("deductible: { LEVEL_3: \"700.00\" }", "deductible: { LEVEL_3: \"-1.00\" }",
                        "visits.INPATIENT.deductible.LEVEL_3: must not be negative"),
                Arguments.of("deductible: { LEVEL_3: \"700.00\" }", "deductible: [1, 2]",
                        "visits.INPATIENT.deductible: must be a mapping"),
                Arguments.of("version: 2", "version: two", "version: must be a whole number"),
                Arguments.of("version: 2", "version: 1.5", "version: must be a whole number"),
                Arguments.of("version: 2", "version: \"2\"", "version: must be a whole number"),
                Arguments.of("noCap: true", "noCap: \"true\"", "catastrophic.tilts.EXTREME_POVERTY.noCap: must be true or false"),
                Arguments.of("scheme: RESIDENT", "scheme: RESIDENT\nscheme: EMPLOYEE", "Duplicate Object property \"scheme\""),
                Arguments.of("capPool: inpatient", "capPool: inpatient\n    requiresCertification: maybe",
                        "visits.INPATIENT.requiresCertification: must be true or false"),
                // issue 22: a fixed payment (定额支付) is for deliveries, and replaces the deductible and the ratio
                Arguments.of("capPool: inpatient", "capPool: inpatient\n    fixedPayment: { NATURAL: { LEVEL_3: \"2000.00\" } }",
                        "visits.INPATIENT.fixedPayment: is for DELIVERY only"),
                Arguments.of("  INPATIENT:\n    capPool: inpatient", "  DELIVERY:\n    capPool: maternity\n"
                        + "    fixedPayment: { NATURAL: { LEVEL_3: \"2000.00\" } }",
                        "visits.DELIVERY.ratio: is not taken with a fixedPayment"),
                Arguments.of("  INPATIENT:\n    capPool: inpatient", "  DELIVERY:\n    capPool: maternity\n"
                        + "    fixedPayment: { TWINS: { LEVEL_3: \"2000.00\" } }",
                        "visits.DELIVERY.fixedPayment.TWINS: is not a known field"),
                Arguments.of("ratio: 0.80, noCap: true }", "ratio: 0.80, noCap: true }\nassistance:\n"
                        + "  MINIMUM_LIVING: { ratio: 0.70, annualLimit: \"30000.00\", ratioByVisit: { INPATIENT: 1.5 } }",
                        "assistance.MINIMUM_LIVING.ratioByVisit.INPATIENT: must be a ratio between 0 and 1"),
                Arguments.of("ratio: 0.80, noCap: true }", "ratio: 0.80, noCap: true }\nmaternityLeave: { baseDays: 98 }",
                        "maternityLeave.difficultDeliveryDays: is required"));
    }

    @ParameterizedTest
    @MethodSource("badFields")
    void refusesABadFieldNamingItAndWhy(String good, String bad, String message) {
        String yaml = VALID.replace(good, bad);
        assertThat(yaml).isNotEqualTo(VALID);

        assertThatThrownBy(() -> PolicyPackReader.read("test-2024-resident.yml", yaml))
                .isInstanceOf(InvalidPolicyPackException.class)
                .hasMessageStartingWith("test-2024-resident.yml: ")
                .hasMessageContaining(message);
    }

    @Test
    void theIdMustMatchTheFileName() {
        assertThatThrownBy(() -> PolicyPackReader.read("other.yml", VALID))
                .hasMessage("other.yml: id: must match the file name (other.yml), was 'test-2024-resident'");
    }

    @Test
    void twoPacksForTheSameRegionSchemeAndDateAreRefused() {
        PolicyPack pack = PolicyPackReader.read("test-2024-resident.yml", VALID);
        assertThatThrownBy(() -> new PolicyPacks(java.util.List.of(pack, pack)))
                .hasMessageContaining("already has a RESIDENT pack from 2024-01-01");
    }
}
