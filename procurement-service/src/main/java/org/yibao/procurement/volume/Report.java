package org.yibao.procurement.volume;

import java.util.List;

/**
 * What became of an uploaded file: applied whole (its rows, no errors) or not at all (every row read,
 * good or bad, and each bad row's error). Blank lines are not rows.
 */
public record Report(long rows, boolean applied, List<RowError> errors) {
}
