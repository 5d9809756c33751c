package org.yibao.casemix.drg;

import org.junit.jupiter.api.Test;
import org.yibao.casemix.codes.CodeTables;
import org.yibao.casemix.drg.DrgGrouper.DrgCase;
import org.yibao.casemix.drg.DrgGrouper.Grouped;
import org.yibao.casemix.drg.DrgGrouper.Outcome;
import org.yibao.casemix.drg.DrgTables.Severity;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Cases grouped by hand under the shipped SAMPLE tables (drg-tables/chs-drg-1.1-sample.yml). */
class DrgGrouperTest {

    private static final DrgTables TABLES = DrgTables.loadFromClasspath(CodeTables.loadFromClasspath());

    /** Cerebral infarction (I63.900: MDCB, medical ADRG BR2) with heart failure (I50.900, MCC; table F1 does not hold I63): BR21. */
    @Test
    void aCaseWithAnMccGoesToTheAdrgsMccGroup() {
        Grouped g = group("I63.900", List.of("I10.x00", "I50.900"), null, 'M', 70);

        assertThat(g.outcome()).isEqualTo(Outcome.GROUPED);
        assertThat(List.of(g.mdc(), g.adrg(), g.drg())).containsExactly("MDCB", "BR2", "BR21");
        assertThat(g.severity()).isEqualTo(Severity.MCC);
        assertThat(g.trace()).hasSize(5);
        assertThat(g.trace().get(0)).startsWith("MDC: main diagnosis I63.900 is in MDCB");
        assertThat(g.trace().get(2)).startsWith("ADRG: main diagnosis I63.900 takes medical ADRG BR2");
        assertThat(g.trace().get(3)).contains("I50.900").contains("MCC");
        assertThat(g.trace().get(4)).startsWith("DRG: BR21");
    }

    /**
     * Pneumonia (J18.900: MDCE, ES3 at 50) with bacterial pneumonia (J15.900, MCC) — excluded: its table E1 holds J18 —
     * and diabetic nephropathy (E11.200, CC): ES33; without the CC: ES35. The same MCC counts against a cerebral infarction.
     */
    @Test
    void anMccExcludedAgainstTheMainDiagnosisDoesNotCount() {
        Grouped withCc = group("J18.900", List.of("J15.900", "E11.200"), null, 'F', 50);
        Grouped alone = group("J18.900", List.of("J15.900"), null, 'F', 50);

        assertThat(withCc.drg()).isEqualTo("ES33");
        assertThat(withCc.severity()).isEqualTo(Severity.CC);
        assertThat(withCc.trace()).anyMatch(t -> t.equals("severity: secondary J15.900 (MCC) excluded: its exclusion table E1 holds the"
                + " main diagnosis J18.900 (J18)"));
        assertThat(alone.drg()).isEqualTo("ES35");
        assertThat(alone.severity()).isEqualTo(Severity.NONE);
        assertThat(group("I63.900", List.of("J15.900"), null, 'F', 50).drg()).isEqualTo("BR21");
    }

    /** Respiratory infection: under 17 (16) ES19, not split even with an MCC; at 17 ES3 (ASSUMPTION of the sample). */
    @Test
    void anAgeSplit() {
        Grouped child = group("J18.900", List.of("I50.900"), null, 'M', 16);
        Grouped adult = group("J18.900", List.of("I50.900"), null, 'M', 17);

        assertThat(child.drg()).isEqualTo("ES19");
        assertThat(child.trace()).anyMatch(t -> t.contains("ES1") && t.contains("ages 0 to 16") && t.contains("age 16"));
        assertThat(child.trace().get(child.trace().size() - 1)).contains("not split");
        assertThat(adult.drg()).isEqualTo("ES31");
    }

    /** Surgical and procedure ADRGs by the main procedure; a main procedure not an operating-room one is grouped medically. */
    @Test
    void surgicalAndProcedureAdrgsByTheMainProcedure() {
        assertThat(group("K35.800", List.of(), "47.0100", 'M', 30).drg()).isEqualTo("GD25");
        assertThat(group("K35.800", List.of("J18.900"), "47.0100", 'M', 30).drg()).isEqualTo("GD23");
        assertThat(group("K35.800", List.of(), null, 'M', 30).drg()).isEqualTo("GU29");
        assertThat(group("I25.103", List.of(), "36.0600", 'M', 60).drg()).isEqualTo("FM15");
        // I25.103 is a CC only outside table F1: against a main I25 it is excluded
        assertThat(group("I25.103", List.of("I25.103"), "36.0600", 'M', 60).drg()).isEqualTo("FM15");
        assertThat(group("C18.900", List.of(), "99.2501", 'F', 60).drg()).isEqualTo("GR15");
        assertThat(group("S72.000", List.of("I50.900"), "81.5100", 'F', 80).drg()).isEqualTo("IC21");
        assertThat(group("O82.000", List.of(), "74.1x00", 'F', 30).drg()).isEqualTo("OB15");
        assertThat(group("O80.000", List.of(), "73.5900", 'F', 30).drg()).isEqualTo("OR15");
        // the simulated city's stays: a partial hip replacement, a urinary infection, gastritis, a course of chemotherapy
        assertThat(group("S72.000", List.of(), "81.5200", 'F', 80).drg()).isEqualTo("IC25");
        assertThat(group("N39.000", List.of("J18.900"), null, 'F', 40).drg()).isEqualTo("LU13");
        assertThat(group("K29.700", List.of(), null, 'M', 40).drg()).isEqualTo("GZ15");
        assertThat(group("Z51.100", List.of("C18.700"), "99.2500", 'M', 60).drg()).isEqualTo("RU15");
    }

    /** A hip replacement on an appendicitis: 歧义组 GQY; a cataract: no MDC of the sample, 0000; a man's delivery: 0000. */
    @Test
    void ungroupableCasesAreNamedSo() {
        Grouped qy = group("K35.800", List.of(), "81.5100", 'M', 30);
        Grouped none = group("H25.900", List.of(), "13.4100", 'F', 70);
        Grouped man = group("O80.000", List.of(), null, 'M', 30);

        assertThat(qy.outcome()).isEqualTo(Outcome.AMBIGUOUS);
        assertThat(List.of(qy.mdc(), qy.drg())).containsExactly("MDCG", "GQY");
        assertThat(qy.adrg()).isNull();
        assertThat(qy.trace().get(1)).contains("81.5100 is an operating-room procedure no surgical ADRG of MDCG takes: 歧义组 GQY");
        assertThat(none.outcome()).isEqualTo(Outcome.UNGROUPABLE);
        assertThat(none.drg()).isEqualTo("0000");
        assertThat(none.mdc()).isNull();
        assertThat(none.trace().get(0)).contains("H25.900").contains("ungroupable (0000)");
        assertThat(man.drg()).isEqualTo("0000");
    }

    /**
     * Pre-MDC first: pneumonia ventilated 120 hours (at least 96) is AH19 whatever its main diagnosis; so is a hip
     * replacement with 96.7200 among its other procedures; 95 hours is not (ES35).
     */
    @Test
    void preMdcTakesLongVentilationBeforeAnyMdc() {
        Grouped ventilated = DrgGrouper.group(TABLES, new DrgCase("J18.900", List.of(), null, List.of(), 120, 'M', 60));
        Grouped byProcedure = DrgGrouper.group(TABLES, new DrgCase("S72.000", List.of(), "81.5100", List.of("81.5100", "96.7200"), 0, 'F', 80));
        Grouped short95 = DrgGrouper.group(TABLES, new DrgCase("J18.900", List.of(), null, List.of(), 95, 'M', 60));

        assertThat(List.of(ventilated.mdc(), ventilated.adrg(), ventilated.drg())).containsExactly("MDCA", "AH1", "AH19");
        assertThat(ventilated.trace().get(0)).startsWith("pre-MDC (先期分组): invasive ventilation 120 hours (at least 96) takes MDCA ADRG AH1");
        assertThat(byProcedure.drg()).isEqualTo("AH19");
        assertThat(byProcedure.trace().get(0)).contains("procedure 96.7200");
        assertThat(short95.drg()).isEqualTo("ES35");
    }

    private static Grouped group(String main, List<String> secondary, String procedure, char sex, int age) {
        return DrgGrouper.group(TABLES, new DrgCase(main, secondary, procedure, procedure == null ? List.of() : List.of(procedure), 0, sex, age));
    }
}
