package org.yibao.care.policy;

import org.yibao.web.config.DataFiles;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.events.CareLevel;
import org.yibao.web.problem.InvalidRequestException;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Barthel scale of care-scales/barthel.yml: item scores to a total and a care level, by hand. */
class AssessmentScaleTest {

    private final AssessmentScale barthel = AssessmentScales.loadFromClasspath().named("BARTHEL").orElseThrow();

    private static Map<String, Integer> scores(int feeding, int bathing, int grooming, int dressing, int bowels, int bladder,
                                               int toilet, int transfer, int mobility, int stairs) {
        Map<String, Integer> s = new LinkedHashMap<>();
        s.put("FEEDING", feeding);
        s.put("BATHING", bathing);
        s.put("GROOMING", grooming);
        s.put("DRESSING", dressing);
        s.put("BOWELS", bowels);
        s.put("BLADDER", bladder);
        s.put("TOILET", toilet);
        s.put("TRANSFER", transfer);
        s.put("MOBILITY", mobility);
        s.put("STAIRS", stairs);
        return s;
    }

    @Test
    void anAssessmentsScoresGiveItsLevel() {
        // feeding 5 + dressing 5 + bowels 5 + bladder 5 + transfer 5 + mobility 5 = 30, in 21-40: 重度失能一级 (LEVEL_3)
        AssessmentScale.Scored scored = barthel.score(scores(5, 0, 0, 5, 5, 5, 0, 5, 5, 0));

        assertThat(scored.total()).isEqualTo(30);
        assertThat(scored.level()).isEqualTo(CareLevel.LEVEL_3);
    }

    @Test
    void theBandsBoundaries() {
        // 0: 重度失能三级; 5 + 10 + 5 = 20: 重度失能二级; 100: 基本正常; 10+5+5+10+10+10+10 = 60: 中度失能; 65: 轻度失能
        assertThat(barthel.score(scores(0, 0, 0, 0, 0, 0, 0, 0, 0, 0)).level()).isEqualTo(CareLevel.LEVEL_5);
        assertThat(barthel.score(scores(5, 0, 0, 0, 10, 5, 0, 0, 0, 0)).total()).isEqualTo(20);
        assertThat(barthel.score(scores(5, 0, 0, 0, 10, 5, 0, 0, 0, 0)).level()).isEqualTo(CareLevel.LEVEL_4);
        assertThat(barthel.score(scores(10, 5, 5, 10, 10, 10, 10, 15, 15, 10)).level()).isEqualTo(CareLevel.LEVEL_0);
        assertThat(barthel.score(scores(10, 5, 5, 10, 10, 10, 10, 0, 0, 0)).total()).isEqualTo(60);
        assertThat(barthel.score(scores(10, 5, 5, 10, 10, 10, 10, 0, 0, 0)).level()).isEqualTo(CareLevel.LEVEL_2);
        assertThat(barthel.score(scores(10, 5, 5, 10, 10, 10, 10, 5, 0, 0)).level()).isEqualTo(CareLevel.LEVEL_1);
        assertThat(barthel.maximum()).isEqualTo(100);
    }

    @Test
    void aScoreTheItemDoesNotAllowNamesTheItem() {
        Map<String, Integer> s = scores(5, 0, 0, 5, 5, 5, 0, 20, 5, 0);

        assertThatThrownBy(() -> barthel.score(s)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("scores.TRANSFER");
                    assertThat(p.reason()).contains("[0, 5, 10, 15]").contains("20");
                }));
    }

    @Test
    void aMissingOrUnknownItemIsNamed() {
        Map<String, Integer> s = scores(5, 0, 0, 5, 5, 5, 0, 5, 5, 0);
        s.remove("STAIRS");
        s.put("SWIMMING", 5);

        assertThatThrownBy(() -> barthel.score(s)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("scores.SWIMMING", "scores.STAIRS"));
    }

    @Test
    void aScaleWhoseBandsLeaveATotalOutIsRefusedNamingTheField() {
        String yaml = """
                scale: TINY
                items:
                  - {item: FEEDING, term: 进食, scores: [0, 5, 10]}
                levels:
                  - {from: 0, to: 4, level: LEVEL_5}
                  - {from: 6, to: 10, level: LEVEL_0}
                """;

        assertThatThrownBy(() -> AssessmentScale.of("tiny.yml", DataFiles.read(new DataFiles.DataFile("tiny.yml", yaml), ScaleFile.class)))
                .hasMessageContaining("tiny.yml: levels: a total of 5 falls in 0 bands");
    }

    @Test
    void anUnknownKeyOrARepeatedScoreIsRefusedNamingTheField() {
        String unknown = """
                scale: TINY
                items:
                  - {item: FEEDING, term: 进食, scores: [0, 5], weight: 2}
                levels:
                  - {from: 0, to: 5, level: LEVEL_5}
                """;
        String repeated = unknown.replace(", weight: 2", "").replace("[0, 5]", "[0, 5, 5]");

        assertThatThrownBy(() -> DataFiles.read(new DataFiles.DataFile("tiny.yml", unknown), ScaleFile.class))
                .hasMessageContaining("tiny.yml: items[0].weight: is not a known field");
        assertThatThrownBy(() -> AssessmentScale.of("tiny.yml", DataFiles.read(new DataFiles.DataFile("tiny.yml", repeated), ScaleFile.class)))
                .hasMessageContaining("tiny.yml: items[0].scores[2]");
    }
}
