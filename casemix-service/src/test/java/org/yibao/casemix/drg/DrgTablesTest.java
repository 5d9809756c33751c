package org.yibao.casemix.drg;

import org.junit.jupiter.api.Test;
import org.yibao.casemix.codes.CodeTables;
import org.yibao.web.config.DataFiles;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The DRG grouping tables: the shipped SAMPLE loads; a bad file is refused naming the file and the field. */
class DrgTablesTest {

    private static final CodeTables CODES = CodeTables.loadFromClasspath();

    private static final String GOOD = """
            edition: "x SAMPLE"
            baseRates: {"411700": "9500.00"}
            mdcs:
              - {code: MDCG, name: "消化系统", diagnoses: [K35]}
            adrgs:
              - code: GD2
                name: "阑尾切除术"
                mdc: MDCG
                procedures: ["47.0100"]
                drgs:
                  - {code: GD21, name: "伴严重", severity: MCC}
                  - {code: GD25, name: "不伴"}
            complications:
              - {code: "I50.900", severity: MCC, exclusion: F1}
            exclusions:
              F1: [I50]
            """;

    @Test
    void theShippedSampleLoads() {
        DrgTables tables = DrgTables.loadFromClasspath(CODES);

        assertThat(tables.edition()).contains("SAMPLE");
        assertThat(tables.mdcs()).extracting(DrgTables.Mdc::code).containsExactly("MDCA", "MDCB", "MDCE", "MDCF", "MDCG", "MDCI",
                "MDCL", "MDCO", "MDCR");
        assertThat(tables.adrgs("MDCA").get(0).minVentilatorHours()).isEqualTo(96);
        assertThat(tables.operatingRoom("96.7200")).as("a pre-MDC procedure is not the MDCs' operating-room procedure").isFalse();
        assertThat(tables.adrgs("MDCG")).extracting(DrgTables.Adrg::kind).containsExactly(DrgTables.AdrgKind.SURGICAL,
                DrgTables.AdrgKind.SURGICAL, DrgTables.AdrgKind.MEDICAL, DrgTables.AdrgKind.MEDICAL, DrgTables.AdrgKind.MEDICAL);
        assertThat(tables.adrgs("MDCF").get(0).kind()).isEqualTo(DrgTables.AdrgKind.PROCEDURE);
        assertThat(tables.drg("GD21").orElseThrow().least()).isEqualTo(DrgTables.Severity.MCC);
        assertThat(tables.baseRate("411781")).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("9500.00"));
        assertThat(tables.baseRate("410100")).isEmpty();
        assertThat(tables.operatingRoom("81.5100")).isTrue();
        assertThat(tables.operatingRoom("36.0600")).isFalse();
        assertThat(load(GOOD).drg("GD25")).isPresent();
    }

    @Test
    void aBadFileIsRefusedNamingTheFileAndTheField() {
        assertThatThrownBy(() -> load(GOOD.replace("name: \"阑尾切除术\"", "name: \"阑尾切除术\"\n    colour: red")))
                .hasMessageStartingWith("t.yml: adrgs[0].colour: is not a known field");
        assertThatThrownBy(() -> load(GOOD.replace("procedures: [\"47.0100\"]", "procedures: [\"47.01\"]")))
                .hasMessageStartingWith("t.yml: adrgs[0].procedures[0]: must be a procedure code");
        assertThatThrownBy(() -> load(GOOD.replace("procedures: [\"47.0100\"]", "procedures: [\"47.0199\"]")))
                .hasMessageStartingWith("t.yml: adrgs[0].procedures[0]: is not in the procedure table in force: 47.0199");
        assertThatThrownBy(() -> load(GOOD.replace("GD25", "GD23")))
                .hasMessageStartingWith("t.yml: adrgs[0].drgs[1].code: must end in 5");
        assertThatThrownBy(() -> load(GOOD.replace("code: GD2\n", "code: GR2\n").replace("GD21", "GR21").replace("GD25", "GR25")))
                .hasMessageStartingWith("t.yml: adrgs[0].procedures: a medical ADRG (second letter R-Z) is chosen by the main diagnosis alone");
        assertThatThrownBy(() -> load(GOOD.replace("code: GD2\n", "code: ED2\n").replace("GD21", "ED21").replace("GD25", "ED25")))
                .hasMessageStartingWith("t.yml: adrgs[0].code: must begin with its MDC's letter G");
        assertThatThrownBy(() -> load(GOOD.replace("exclusion: F1", "exclusion: F9")))
                .hasMessageStartingWith("t.yml: complications[0].exclusion: is not an exclusion table of this file: F9");
        assertThatThrownBy(() -> load(GOOD.replace("diagnoses: [K35]", "diagnoses: [K35.80000]")))
                .hasMessageStartingWith("t.yml: mdcs[0].diagnoses[0]: must be an ICD-10 chapter letter");
        assertThatThrownBy(() -> load(GOOD.replace("\"9500.00\"", "9500")))
                .hasMessageStartingWith("t.yml: baseRates.411700");
        assertThatThrownBy(() -> load(GOOD.replace("{code: GD21, name: \"伴严重\", severity: MCC}", "{code: GD21, name: \"伴严重\"}")))
                .hasMessageStartingWith("t.yml: adrgs[0].drgs[0].severity: is required on every group but the last");
        assertThatThrownBy(() -> load(GOOD.replace("    mdc: MDCG\n", "    mdc: MDCG\n    minVentilatorHours: 96\n")))
                .hasMessageStartingWith("t.yml: adrgs[0].minVentilatorHours: only a pre-MDC (MDCA) ADRG");
        assertThatThrownBy(() -> DrgTables.load(List.of(new DataFiles.DataFile("a.yml", GOOD), new DataFiles.DataFile("b.yml", GOOD)), CODES))
                .hasMessageContaining("exactly one grouping table");
    }

    private static DrgTables load(String text) {
        return DrgTables.load(List.of(new DataFiles.DataFile("t.yml", text)), CODES);
    }
}
