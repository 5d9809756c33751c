package org.yibao.supervision.knowledge;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The knowledge base is versioned data, checked at load. */
class KnowledgeBaseTest {

    private static String sample() throws IOException {
        try (InputStream in = KnowledgeBaseTest.class.getResourceAsStream("/knowledge/knowledge-2020-sample.yml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theSampleLoadsMarkedAsSuch() throws IOException {
        Knowledge k = KnowledgeBase.parse("knowledge-2020-sample.yml", sample());

        assertThat(k.sample()).isTrue();
        assertThat(k.indicationsOf("XA10BAE045A001010100008")).extracting(Knowledge.Indication::name).containsExactly("降糖药 (ATC A10)");
        assertThat(k.panel("S250101001")).get().satisfies(p -> assertThat(p.components()).contains("S250101003"));
        assertThat(k.dailyDoseOf("XC08CAA001A001010100001")).get().satisfies(d -> assertThat(d.unitsPerDay()).isEqualByComparingTo("1"));
        assertThat(k.plannedTreatment(List.of("C18.7", "Z51.100"))).isTrue();
        assertThat(k.plannedTreatment(List.of("Z51.8"))).isFalse();
    }

    @Test
    void theVersionInForceIsTheLatestBegun() throws IOException {
        Knowledge first = KnowledgeBase.parse("a.yml", sample());
        Knowledge second = KnowledgeBase.parse("b.yml", sample().replace("version: 2020.1-sample", "version: 2027.1")
                .replace("validFrom: 2020-01-01", "validFrom: 2027-01-01"));
        KnowledgeBase kb = new KnowledgeBase(List.of(second, first));

        assertThat(kb.inForce(LocalDate.of(2019, 12, 31)).version()).isEqualTo("none");
        assertThat(kb.inForce(LocalDate.of(2026, 12, 31)).version()).isEqualTo("2020.1-sample");
        assertThat(kb.inForce(LocalDate.of(2027, 1, 1)).version()).isEqualTo("2027.1");
        assertThatThrownBy(() -> new KnowledgeBase(List.of(first, first))).hasMessageContaining("loaded twice");
    }

    @Test
    void refusalsNameTheFileAndTheField() throws IOException {
        String s = sample();
        assertThatThrownBy(() -> KnowledgeBase.parse("k.yml", s.replace("diagnoses: [E10-E14, O24, R73]", "diagnoses: [E14-E10]")))
                .hasMessage("k.yml: indications[0].diagnoses[0]: \"E14-E10\" is not a range of ICD-10 categories (e.g. E10-E14)");
        assertThatThrownBy(() -> KnowledgeBase.parse("k.yml", s.replace("unitsPerDay: 3 }", "unitsPerDay: 0 }")))
                .hasMessageContaining("k.yml: dailyDoses[7].unitsPerDay: must be more than zero");
        assertThatThrownBy(() -> KnowledgeBase.parse("k.yml", s.replace("sex: FEMALE", "sex: F")))
                .hasMessageContaining("k.yml: sexSpecific[0].sex").hasMessageContaining("\"F\"");
        assertThatThrownBy(() -> KnowledgeBase.parse("k.yml", s.replace("procedures: [\"81.51\"", "procedures: [\"hip\"")))
                .hasMessageContaining("procedureBound[1].procedures[0]: is not an ICD-9-CM-3 code");
        assertThatThrownBy(() -> KnowledgeBase.parse("k.yml", s + "\nindication: []\n"))
                .hasMessageContaining("k.yml: indication: is not a known field");
        assertThatThrownBy(() -> KnowledgeBase.parse("k.yml", s.replace("source: >-", "source2: >-")))
                .hasMessageContaining("source2");
    }

    @Test
    void diagnosisRangesMatchCategoriesAndPrefixes() {
        assertThat(DiagnosisRange.parse("E10-E14").matches("E11.900")).isTrue();
        assertThat(DiagnosisRange.parse("E10-E14").matches("E15")).isFalse();
        assertThat(DiagnosisRange.parse("Z51.1").matches("Z511")).isTrue();
        assertThat(DiagnosisRange.parse("Z51.1").matches("Z51.2")).isFalse();
        assertThat(DiagnosisRange.parse("n18.5").matches("N18.500")).isTrue();
        assertThatThrownBy(() -> DiagnosisRange.parse("diabetes")).isInstanceOf(IllegalArgumentException.class);
    }
}
