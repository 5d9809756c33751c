package org.yibao.assistance.identity;

import org.yibao.contracts.events.AssistanceCategory;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One statement of a department's feed: this source says, in its record {@code sourceRecordId}, that
 * the person belongs to the category over the period.
 *
 * @param line where the row stood in its file (the header is line 1), for the report
 */
public record FeedRow(long line, String source, String sourceRecordId, String personId, String regionCode,
                      AssistanceCategory category, LocalDate validFrom, Optional<LocalDate> validTo) {
}
