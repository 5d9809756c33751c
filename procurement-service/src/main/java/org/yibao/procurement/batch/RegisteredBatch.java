package org.yibao.procurement.batch;

import java.time.Instant;
import java.time.LocalDate;

/** A batch as it is stored, without its products. */
record RegisteredBatch(String batchId, String name, Level level, Kind kind, LocalDate startsOn, LocalDate endsOn,
                              Instant createdAt) {
}
