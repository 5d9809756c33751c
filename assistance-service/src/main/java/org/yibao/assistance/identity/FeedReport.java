package org.yibao.assistance.identity;

import java.util.List;
import java.util.UUID;

/**
 * What a feed did: rows read, rows rejected (the first {@link FeedService#LISTED_REJECTIONS} listed
 * with line, field and reason), source records that changed, and persons whose merged identity
 * changed (each announced once as AssistanceIdentityChanged).
 */
public record FeedReport(UUID feedId, long rows, long rejected, long changedRecords, long identitiesChanged,
                         List<RowError> rejectedRows) {

    public record RowError(long line, String field, String reason) {
    }
}
