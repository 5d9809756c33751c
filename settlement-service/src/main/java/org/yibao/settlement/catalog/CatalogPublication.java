package org.yibao.settlement.catalog;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.yibao.contracts.events.CatalogChanged;
import org.yibao.messaging.outbox.OutboxWriter;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes the catalog's changes as {@link CatalogChanged}, in the transaction that made them: every
 * version after the one last published goes to the outbox in parts of at most
 * {@link CatalogChanged#PART_SIZE} entries, and the mark moves with them, so a change and its events
 * commit together or not at all. Also at start-up, for entries written by a migration (the seed rows).
 */
@Service
public class CatalogPublication {

    private final CatalogStore store;
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CatalogPublication(CatalogStore store, OutboxWriter outbox, TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Takes the catalog's write lock for the current transaction; every writer of the catalog calls this first. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockForChange() {
        store.lockForChange();
    }

    /**
     * Puts every unpublished change in the outbox, within the current transaction (which must hold the
     * catalog's lock, {@link #lockForChange()}).
     *
     * @return how many entries were published
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long publishPending() {
        store.lockForChange();
        long from = store.publishedUpTo();
        long latest = store.latestVer();
        if (latest <= from) {
            return 0;
        }
        long count = store.countChangedAfter(from);
        int parts = (int) ((count + CatalogChanged.PART_SIZE - 1) / CatalogChanged.PART_SIZE);
        String changeId = "catalog-" + from + "-" + latest;
        long after = from;
        List<CatalogChanged> events = new ArrayList<>();
        for (int part = 1; part <= parts; part++) {
            List<CatalogStore.Entry> entries = store.changedAfter(after, CatalogChanged.PART_SIZE);
            if (entries.isEmpty()) {
                break;
            }
            after = entries.get(entries.size() - 1).ver();
            events.add(new CatalogChanged(changeId, part, parts, entries.stream().map(CatalogPublication::event).toList(),
                    clock.instant()));
            if (events.size() == 20) {
                outbox.appendAll(events);
                events.clear();
            }
        }
        outbox.appendAll(events);
        store.markPublished(latest);
        return count;
    }

    /** Publishes what a migration wrote before this process started (once: the mark then stands). */
    @EventListener(ApplicationReadyEvent.class)
    void publishAtStart() {
        transactions.executeWithoutResult(status -> publishPending());
    }

    private static CatalogChanged.Entry event(CatalogStore.Entry e) {
        return new CatalogChanged.Entry(e.code(), e.validFrom(), e.ver(), e.removed(), e.name(), e.category(), e.itemClass(),
                e.validTo(), e.priceCeiling(), e.levelCeilings(),
                e.selfPayRatio() == null ? null : e.selfPayRatio().stripTrailingZeros(), e.vbp(),
                e.restrictions().stream().map(r -> new CatalogChanged.Restriction(r.kind().name(), r.parameter(), r.description()))
                        .toList());
    }
}
