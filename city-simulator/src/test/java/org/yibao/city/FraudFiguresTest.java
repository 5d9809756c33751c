package org.yibao.city;

import org.junit.jupiter.api.Test;
import org.yibao.city.model.Encounter;
import org.yibao.city.model.FraudPattern;
import org.yibao.city.model.Trap;
import org.yibao.city.report.CityReport;
import org.yibao.contracts.events.AuditRule;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The report's per-pattern recall, per-kind precision and look-alike false positives, from marks and findings. */
class FraudFiguresTest {

    private static Encounter.Mark improper(FraudPattern p) {
        return new Encounter.Mark(p, true, null);
    }

    private static Encounter.Mark accompanying(FraudPattern p) {
        return new Encounter.Mark(p, false, null);
    }

    @Test
    void recallPerPatternPrecisionPerKindAndLookAlikesApart() {
        Map<String, Encounter.Mark> marked = Map.of(
                "s1", accompanying(FraudPattern.SPLIT_VISIT), "s2", improper(FraudPattern.SPLIT_VISIT), "s3", improper(FraudPattern.SPLIT_VISIT),
                "o1", accompanying(FraudPattern.OVERLAPPING_STAYS), "o2", improper(FraudPattern.OVERLAPPING_STAYS),
                "t1", improper(FraudPattern.TWO_PLACES_AT_ONCE),
                "c1", new Encounter.Mark(null, false, Trap.PLANNED_CHEMOTHERAPY), "c2", new Encounter.Mark(null, false, Trap.PLANNED_CHEMOTHERAPY));
        Set<String> settled = Set.of("s1", "s2", "s3", "o1", "o2", "t1", "c1", "c2", "h1", "h2");
        Map<String, Set<AuditRule>> flagged = Map.of(
                "s1", Set.of(AuditRule.SPLIT_BILLING), // the accompanying bill: no false positive
                "s2", Set.of(AuditRule.SPLIT_BILLING, AuditRule.FREQUENT_VISITS),
                "o1", Set.of(AuditRule.TWO_PLACES_AT_ONCE),
                "t1", Set.of(AuditRule.TWO_PLACES_AT_ONCE),
                "c2", Set.of(AuditRule.SPLIT_HOSPITALISATION),
                "h1", Set.of(AuditRule.SPLIT_BILLING));
        CityReport.Fraud f = CityRun.fraud(marked, settled, flagged, List.of(improper(FraudPattern.SPLIT_VISIT)), 7);

        CityReport.PatternFigures split = pattern(f, FraudPattern.SPLIT_VISIT);
        assertThat(split.improper()).isEqualTo(2);
        assertThat(split.accompanying()).isEqualTo(1);
        assertThat(split.flagged()).isEqualTo(1);
        assertThat(split.recallPercent()).as("1 flagged and 1 blocked of 2 settled and 1 blocked").isEqualByComparingTo("66.67");
        assertThat(split.blockedAtPreCheck()).isEqualTo(1);
        assertThat(split.otherKindsOnItsClaims()).containsExactly(Map.entry("FREQUENT_VISITS", 1L));
        // SPLIT_BILLING: s1 and s2 of its pattern, h1 honest
        assertThat(split.kindPrecisionPercent()).isEqualByComparingTo("66.67");
        CityReport.KindFigures splitBilling = kind(f, AuditRule.SPLIT_BILLING);
        assertThat(splitBilling.onHonestBills()).isEqualTo(1);
        // overlapping stays missed (only the accompanying stay was flagged); its kind is precise: o1 and t1 are both of it
        assertThat(pattern(f, FraudPattern.OVERLAPPING_STAYS).recallPercent()).isEqualByComparingTo("0");
        assertThat(kind(f, AuditRule.TWO_PLACES_AT_ONCE).precisionPercent()).isEqualByComparingTo("100");
        assertThat(kind(f, AuditRule.FREQUENT_VISITS).onOtherPatterns()).isEqualTo(1);
        assertThat(kind(f, AuditRule.FREQUENT_VISITS).precisionPercent()).isEqualByComparingTo("0");
        // the look-alike flagged is a false positive of its kind, and apart from the original patterns' figures
        CityReport.LookAlikeFigures chemo = f.lookAlikes().stream().filter(t -> t.lookAlike().equals("PLANNED_CHEMOTHERAPY")).findFirst()
                .orElseThrow();
        assertThat(chemo.claims()).isEqualTo(2);
        assertThat(chemo.flagged()).isEqualTo(1);
        assertThat(kind(f, AuditRule.SPLIT_HOSPITALISATION).onLookAlikes()).isEqualTo(1);
        assertThat(kind(f, AuditRule.SPLIT_HOSPITALISATION).precisionPercent()).isEqualByComparingTo("0");
        // the original seven: TWO_PLACES_AT_ONCE found; flagged with their kinds: o1, t1 (both planted); c2 a look-alike, apart
        assertThat(f.plantedByPattern()).containsExactly(Map.entry("TWO_PLACES_AT_ONCE", 1L));
        assertThat(f.recallPercent()).isEqualByComparingTo("100");
        assertThat(f.flaggedBills()).isEqualTo(2);
        assertThat(f.precisionPercent()).isEqualByComparingTo("100");
        assertThat(f.findings()).isEqualTo(7);
        assertThat(f.notPlanted()).singleElement().asString().contains("panel");
    }

    private static CityReport.PatternFigures pattern(CityReport.Fraud f, FraudPattern p) {
        return f.byPattern().stream().filter(x -> x.pattern().equals(p.name())).findFirst().orElseThrow();
    }

    private static CityReport.KindFigures kind(CityReport.Fraud f, AuditRule k) {
        return f.byKind().stream().filter(x -> x.kind().equals(k.name())).findFirst().orElseThrow();
    }
}
