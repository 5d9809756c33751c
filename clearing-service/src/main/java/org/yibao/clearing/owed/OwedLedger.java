package org.yibao.clearing.owed;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.contracts.events.ClaimReversed;
import org.yibao.contracts.events.ClaimSettled;
import org.yibao.contracts.events.DipPaymentAdjusted;
import org.yibao.contracts.events.InstitutionStatusChanged;
import org.yibao.contracts.money.Money;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;

/**
 * Keeps what the funds owe each institution (应付) from settlement's events: a settled claim adds each
 * fund's share to the period of its settledAt (Beijing month), a reversal (冲销) takes it off in the
 * period of its reversedAt; when that month is closed for the institution, the entry falls in the earliest
 * open month after it. Each claim and fund counts once: a redelivered event, or the same claim announced
 * twice, changes nothing. Runs inside the dispatcher's transaction (the processed-event row and the effect
 * commit together).
 */
@Service
public class OwedLedger {

    private final OwedStore store;
    private final MeterRegistry meters;

    OwedLedger(OwedStore store, MeterRegistry meters) {
        this.store = store;
        this.meters = meters;
    }

    /** A settled claim; a reversal of it that arrived first (parked) is applied now, in its own reversedAt's period. */
    @Transactional
    public void settled(ClaimSettled e) {
        record(e.settlementId(), e.settlementId(), OwedEntry.Kind.SETTLED, e.institutionCode(), e.regionCode(), e.settledAt(),
                Fund.owedFor(e.scheme(), e.amounts()));
        for (OwedStore.PendingReversal p : store.pendingReversals(e.institutionCode(), e.settlementId())) {
            record(p.reversalId(), p.settlementId(), OwedEntry.Kind.REVERSED, p.institutionCode(), p.regionCode(), p.reversedAt(),
                    store.settledAmounts(p.institutionCode(), p.settlementId()));
            store.deletePendingReversal(p.reversalId());
        }
    }

    /**
     * A reversal negates what was counted for its settlement (the stored SETTLED rows), never the amounts the
     * event carries; when its settlement was not counted (yet), it is parked and applied when it arrives.
     */
    @Transactional
    public void reversed(ClaimReversed e) {
        store.lockInstitution(e.institutionCode());
        Map<Fund, Money> settled = store.settledAmounts(e.institutionCode(), e.settlementId());
        if (settled.isEmpty()) {
            store.parkReversal(new OwedStore.PendingReversal(e.reversalId(), e.settlementId(), e.institutionCode(), e.regionCode(),
                    e.reversedAt()));
            meters.counter("yibao_clearing_reversals_parked_total").increment();
            return;
        }
        record(e.reversalId(), e.settlementId(), OwedEntry.Kind.REVERSED, e.institutionCode(), e.regionCode(), e.reversedAt(), settled);
    }

    /**
     * DIP or DRG changed what a scheme's pooling fund owes the institution for a month's stays: the change is owed (or taken back)
     * in the stays' discharge month (the earliest open month after it when that is closed, as a late claim is), once per
     * announcement — so a month priced before its payment order is paid by group in that order.
     */
    @Transactional
    public void casemixAdjusted(DipPaymentAdjusted e) {
        if (!e.amount().isZero()) {
            record(e.adjustmentId(), e.adjustmentId(), OwedEntry.Kind.CASEMIX, e.institutionCode(), e.regionCode(), YearMonth.parse(e.period()),
                    Map.of(Fund.pooling(e.scheme()), e.amount()));
        }
    }

    /** An institution's agreement changed: its own region is kept (the latest change wins), for its clearing rules. */
    @Transactional
    public void institutionChanged(InstitutionStatusChanged e) {
        if (e.regionCode() != null) {
            store.upsertInstitutionRegion(e.institutionCode(), e.regionCode(), e.changedAt());
        }
    }

    private void record(String sourceId, String settlementId, OwedEntry.Kind kind, String institutionCode, String regionCode, Instant at,
                        Map<Fund, Money> owed) {
        record(sourceId, settlementId, kind, institutionCode, regionCode, ClearingPeriods.monthOf(at), owed);
    }

    /** Books what is owed for a month in it, or in the earliest open month after it when it is closed. */
    private void record(String sourceId, String settlementId, OwedEntry.Kind kind, String institutionCode, String regionCode, YearMonth month,
                        Map<Fund, Money> owed) {
        store.lockInstitution(institutionCode);
        Set<YearMonth> closed = store.closedPeriods(institutionCode);
        YearMonth period = ClearingPeriods.earliestOpen(month, closed);
        int counted = 0;
        for (Map.Entry<Fund, Money> part : owed.entrySet()) {
            Money amount = kind == OwedEntry.Kind.REVERSED ? part.getValue().negate() : part.getValue();
            if (store.insert(new OwedEntry(sourceId, settlementId, kind, institutionCode, regionCode, part.getKey(), period, month, amount))) {
                counted++;
            }
        }
        meters.counter("yibao_clearing_owed_entries_total", "kind", kind.name()).increment(counted);
    }
}
