package org.yibao.enrollment.importing;

import java.util.List;

/**
 * What an import did: every row either landed whole (person, enrollment and PersonEnrolled) or is
 * listed with its line, field and reason.
 *
 * @param rejectedRows  the first {@link ImportService#LISTED_REJECTIONS} rejected rows; {@code rejected}
 *                      counts them all
 */
public record ImportReport(long rows, long imported, long rejected, List<RowError> rejectedRows) {

    /** One rejected row: its line in the file (the header is line 1), the field, and why. */
    public record RowError(long line, String field, String reason) {
    }
}
