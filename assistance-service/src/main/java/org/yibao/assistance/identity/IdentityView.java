package org.yibao.assistance.identity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.yibao.contracts.events.AssistanceCategory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A person's merged identity (汇总剔重) and, for the bureau's staff only, every statement the
 * departments made about them. Field names are the API's since its first version (snake_case inside).
 *
 * @param statements null (left out) for a hospital or pharmacy
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IdentityView(Current current, List<Statement> statements) {

    /** The category chosen by priority among the records in force, over the merged period. */
    public record Current(AssistanceCategory category, @JsonProperty("region_code") String regionCode,
                          @JsonProperty("valid_from") LocalDate validFrom, @JsonProperty("valid_to") LocalDate validTo,
                          String sources, @JsonProperty("changed_at") Instant changedAt) {
    }

    /** What one department said in one of its records. */
    public record Statement(String source, @JsonProperty("source_record_id") String sourceRecordId,
                            AssistanceCategory category, @JsonProperty("valid_from") LocalDate validFrom,
                            @JsonProperty("valid_to") LocalDate validTo, @JsonProperty("stated_at") Instant statedAt) {
    }

    static IdentityView of(FeedStore.CurrentIdentity c, List<FeedStore.Statement> statements) {
        return new IdentityView(new Current(c.category(), c.regionCode(), c.validFrom(), c.validTo(), c.sources(), c.changedAt()),
                statements == null ? null : statements.stream().map(s -> new Statement(s.source(), s.sourceRecordId(),
                        s.category(), s.validFrom(), s.validTo(), s.statedAt())).toList());
    }
}
