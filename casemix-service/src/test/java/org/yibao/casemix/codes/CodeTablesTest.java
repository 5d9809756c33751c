package org.yibao.casemix.codes;

import org.junit.jupiter.api.Test;
import org.yibao.web.config.DataFiles;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The code tables: the shipped samples load; a bad file is refused naming the file and the field. */
class CodeTablesTest {

    private static final String PROCEDURES = """
            edition: "x"
            kind: PROCEDURE
            codes:
              - {code: "47.0100", name: "腹腔镜下阑尾切除术"}
            """;

    @Test
    void theShippedSamplesLoadWithTheirLimits() {
        CodeTables tables = CodeTables.loadFromClasspath();

        assertThat(tables.diagnosis("O80.000").orElseThrow().sex()).isEqualTo('F');
        assertThat(tables.diagnosis("R50.900").orElseThrow().mainAllowed()).isFalse();
        assertThat(tables.diagnosis("K35.800").orElseThrow().category()).isEqualTo("K35");
        assertThat(tables.procedure("60.2900").orElseThrow().sex()).isEqualTo('M');
        assertThat(tables.diagnosis("K99.999")).isEmpty();
        assertThat(tables.editions()).allMatch(e -> e.contains("SAMPLE"));
    }

    @Test
    void aBadFileIsRefusedNamingTheFileAndTheField() {
        assertThatThrownBy(() -> load("""
                edition: "x"
                kind: DIAGNOSIS
                codes:
                  - {code: "K35.8", name: "急性阑尾炎"}
                """)).hasMessageStartingWith("d.yml: codes[0].code: must be a diagnosis code");
        assertThatThrownBy(() -> load("""
                edition: "x"
                kind: DIAGNOSIS
                codes:
                  - {code: "K35.800", name: "急性阑尾炎", sex: X}
                """)).hasMessageStartingWith("d.yml: codes[0].sex: must be F or M");
        assertThatThrownBy(() -> load("""
                edition: "x"
                kind: DIAGNOSIS
                codes:
                  - {code: "K35.800", name: "急性阑尾炎"}
                  - {code: "K35.800", name: "急性阑尾炎"}
                """)).hasMessageStartingWith("d.yml: codes[1].code: appears twice");
        assertThatThrownBy(() -> load("""
                edition: "x"
                kind: DIAGNOSIS
                codes:
                  - {code: "K35.800", name: "急性阑尾炎", colour: red}
                """)).hasMessageContaining("colour");
    }

    private static CodeTables load(String diagnoses) {
        return CodeTables.load(List.of(new DataFiles.DataFile("d.yml", diagnoses), new DataFiles.DataFile("p.yml", PROCEDURES)));
    }
}
