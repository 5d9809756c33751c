package org.yibao.settlement.simulation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A policy simulation as staff see it.
 *
 * @param candidate   the candidate pack's label ({@code id@version})
 * @param region      the candidate's region: its bills are replayed under it, every other bill of the same persons'
 *                    year under the pack that settled it
 * @param billsTotal  bills the replay reads, known once it started
 * @param percentDone billsDone / billsTotal in percent (0-100, one decimal), null before the total is known
 * @param result      the result, once it succeeded (left out of lists)
 */
public record SimulationView(UUID id, SimulationStatus status, String requestedBy, Instant requestedAt, String candidate,
                             String region, String scheme, int year, LocalDate from, LocalDate to, Long billsTotal,
                             long billsDone, BigDecimal percentDone, Instant startedAt, Instant finishedAt, String failure,
                             SimulationResult result) {

    static SimulationView of(PolicySimulationStore.Stored s, SimulationResult result) {
        BigDecimal percent = s.billsTotal() == null ? null : s.billsTotal() == 0 ? BigDecimal.valueOf(100).setScale(1)
                : BigDecimal.valueOf(Math.min(s.billsDone(), s.billsTotal()) * 100).divide(BigDecimal.valueOf(s.billsTotal()), 1,
                RoundingMode.DOWN);
        return new SimulationView(s.id(), s.status(), s.requestedBy(), s.requestedAt(), s.candidateLabel(), s.candidateRegion(),
                s.candidateScheme().name(), s.year(), s.from(), s.to(), s.billsTotal(), s.billsDone(), percent, s.startedAt(),
                s.finishedAt(), s.failure(), result);
    }
}
