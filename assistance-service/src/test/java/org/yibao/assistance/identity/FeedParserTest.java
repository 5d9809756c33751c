package org.yibao.assistance.identity;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.events.AssistanceCategory;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A department's feed row: either a record or a refusal naming the field. Ids: valid GB 11643 ids (check digit by hand). */
class FeedParserTest {

    /** 110105 (Chaoyang, Beijing) 1949-12-31, sequence 002, check character X. */
    private static final String PERSON = "11010519491231002X";

    private final FeedParser parser = new FeedParser(JsonMapper.shared());

    @Test
    void aCsvRowWithoutARegionTakesTheRegionOfTheId() {
        FeedParser.Parsed parsed = parser.csv(2, "civil-affairs,MZ-1," + PERSON + ",MINIMUM_LIVING,2026-01-01,");

        assertThat(parsed.error()).isNull();
        assertThat(parsed.row()).isEqualTo(new FeedRow(2, "civil-affairs", "MZ-1", PERSON, "110105",
                AssistanceCategory.MINIMUM_LIVING, LocalDate.of(2026, 1, 1), Optional.empty()));
    }

    @Test
    void aJsonLineSaysTheSame() {
        FeedParser.Parsed parsed = parser.jsonLine(3, """
                {"source":"veterans-affairs","sourceRecordId":"TY-9","personId":"%s","category":"EXTREME_POVERTY",
                 "validFrom":"2026-02-01","validTo":"2026-12-31","regionCode":"110100"}""".formatted(PERSON).replace("\n", ""));

        assertThat(parsed.row().validTo()).hasValue(LocalDate.of(2026, 12, 31));
        assertThat(parsed.row().regionCode()).isEqualTo("110100");
    }

    @Test
    void eachBadFieldIsNamed() {
        assertThat(parser.csv(2, "tax-bureau,X," + PERSON + ",MINIMUM_LIVING,2026-01-01,").error().field()).isEqualTo("source");
        assertThat(parser.csv(2, "civil-affairs,X,110105194912310021,MINIMUM_LIVING,2026-01-01,").error().field()).isEqualTo("personId");
        assertThat(parser.csv(2, "civil-affairs,X," + PERSON + ",RICH,2026-01-01,").error().field()).isEqualTo("category");
        assertThat(parser.csv(2, "civil-affairs,X," + PERSON + ",MINIMUM_LIVING,2026-13-01,").error().field()).isEqualTo("validFrom");
        assertThat(parser.csv(2, "civil-affairs,X," + PERSON + ",MINIMUM_LIVING,2026-02-01,2026-01-31").error().reason())
                .isEqualTo("is before validFrom");
        assertThat(parser.csv(2, "civil-affairs,X," + PERSON + ",MINIMUM_LIVING,2026-01-01,,4417").error().field()).isEqualTo("regionCode");
        assertThat(parser.csv(2, "civil-affairs,X").error().reason()).isEqualTo("has 2 fields, expected 7");
        assertThat(parser.jsonLine(2, "[1]").error().reason()).isEqualTo("is not a JSON object");
    }
}
