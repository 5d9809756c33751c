package org.yibao.city.report;

import org.yibao.city.catalog.CatalogEntry;
import org.yibao.city.model.Encounter;
import org.yibao.city.model.Formulary;
import org.yibao.city.model.Item;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The lines of the year's settled bills as the catalog priced them: how many came from the synthetic
 * catalog (by class, at their own ratio), how many carried the hospital's own code, how many settlement
 * made self-paid for a restricted-payment condition (named on the native answer's line), and how many it
 * priced as not in the catalog: the planned off-catalog item's lines apart from any line whose code the
 * catalog should have had (none expected). Thread-safe.
 */
public final class CatalogCounts {

    private static final int SAMPLES = 10;

    private final Formulary formulary;
    private final LongAdder lines = new LongAdder();
    private final LongAdder synthetic = new LongAdder();
    private final LongAdder ownRatio = new LongAdder();
    private final LongAdder ownCode = new LongAdder();
    private final LongAdder namedCondition = new LongAdder();
    private final LongAdder planned = new LongAdder();
    private final LongAdder missing = new LongAdder();
    private final Map<String, LongAdder> byClass = new ConcurrentHashMap<>();
    private final List<String> sampleMissing = Collections.synchronizedList(new ArrayList<>());

    public CatalogCounts(Formulary formulary) {
        this.formulary = formulary;
    }

    /**
     * A settled bill's lines, in order.
     *
     * @param inCatalog       per line, whether the platform priced it from the catalog
     * @param selfPaidBecause per line, the condition the platform named for self-paying it, or null; an empty
     *                        list when the channel's answer names none (the national interface)
     */
    public void settled(Encounter bill, List<Boolean> inCatalog, List<String> selfPaidBecause) {
        for (int i = 0; i < bill.lines().size(); i++) {
            Item item = bill.lines().get(i).item();
            lines.increment();
            CatalogEntry entry = formulary.entry(item);
            if (entry != null) {
                synthetic.increment();
                byClass.computeIfAbsent(entry.itemClass().name(), k -> new LongAdder()).increment();
                if (entry.selfPayRatio() != null) {
                    ownRatio.increment();
                }
            }
            if (formulary.ownCode(bill.institution(), item) != null) {
                ownCode.increment();
            }
            if (i < selfPaidBecause.size() && selfPaidBecause.get(i) != null) {
                namedCondition.increment();
            }
            if (!inCatalog.get(i)) {
                if (item.itemClass() == null) {
                    planned.increment();
                } else {
                    missing.increment();
                    if (sampleMissing.size() < SAMPLES) {
                        sampleMissing.add(bill.messageId() + " at " + bill.institution().code() + ": " + item.code() + " " + item.name());
                    }
                }
            }
        }
    }

    public CityReport.CatalogLines summary() {
        Map<String, Long> classes = new TreeMap<>();
        byClass.forEach((k, v) -> classes.put(k, v.sum()));
        return new CityReport.CatalogLines(lines.sum(), synthetic.sum(), classes, ownRatio.sum(), namedCondition.sum(), ownCode.sum(),
                missing.sum(), planned.sum(), List.copyOf(sampleMissing));
    }
}
