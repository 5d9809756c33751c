package org.yibao.procurement.consumption;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.contracts.events.ClaimReversed;
import org.yibao.contracts.events.ClaimSettled;
import org.yibao.procurement.batch.BatchStore;
import org.yibao.procurement.volume.AgreementYear;
import org.yibao.web.problem.NotFoundException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Counts what institutions use of the selected products (and of other items of the same generics)
 * from settled claims, one set-based statement per claim; a reversal takes its claim's lines out
 * again. The event handlers run in the consumer's transaction, which records the event as processed:
 * exactly once. Reports the completion of a batch's agreed volumes by product and institution.
 */
@Service
public class ConsumptionService {

    private final ConsumptionStore store;
    private final BatchStore batches;
    private final MeterRegistry meters;
    private final Clock clock;

    ConsumptionService(ConsumptionStore store, BatchStore batches, MeterRegistry meters, Clock clock) {
        this.store = store;
        this.batches = batches;
        this.meters = meters;
        this.clock = clock;
    }

    @Transactional
    public void settled(ClaimSettled c) {
        if (c.lines().isEmpty()) {
            return;
        }
        int counted = store.count(c.settlementId(), c.year(), c.institutionCode(), c.lines());
        meters.counter("yibao.procurement.consumption.lines").increment(counted);
    }

    @Transactional
    public void reversed(ClaimReversed r) {
        store.reverse(r.settlementId());
    }

    /** The completion of each institution's agreed volume of each of the batch's products in the year; 404 for an unknown batch. */
    @Transactional(readOnly = true)
    public List<Completion> report(String batchId, AgreementYear year) {
        if (!batches.exists(batchId)) {
            throw new NotFoundException("no batch " + batchId);
        }
        BigDecimal elapsed = year.elapsedPercent(LocalDate.now(clock));
        return store.volumeUse(batchId, year.value()).stream().map(use -> Completion.of(use, elapsed)).toList();
    }

    /** Institutions with at least one product whose completion lags the elapsed share of the year. */
    @Transactional(readOnly = true)
    public List<InstitutionBehind> behind(String batchId, AgreementYear year) {
        return InstitutionBehind.of(report(batchId, year));
    }
}
