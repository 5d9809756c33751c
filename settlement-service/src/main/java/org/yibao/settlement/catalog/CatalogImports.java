package org.yibao.settlement.catalog;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports the national catalog's files: items ({@link HilistRow}: the 1312 layout, or 1301/1302/1305/1306
 * by kind), price ceilings (1318), own self-pay ratios (1319) and the bureau's restricted-payment
 * conditions ({@link TermRow}). Each file is streamed and staged a chunk at a time ({@link CatalogFile}),
 * then applied whole or not at all in one transaction: a file with any bad row changes nothing and every
 * bad row is named (line, field, reason; at most {@link CatalogFile#LISTED} listed). Importing the same
 * file again changes nothing. What an import changed is published as CatalogChanged in the same
 * transaction ({@link CatalogPublication}). Bureau-local additions (provincial items, hospital
 * preparations) are files of the same layouts. The upload is read inside the import's transaction (a slow
 * client holds one database connection meanwhile).
 */
@Service
public class CatalogImports {

    static final int CHUNK = 5_000;

    /**
     * What an import did.
     *
     * @param applied   whether the file was applied (no row refused)
     * @param withdrawn rows marked vali_flag 0 (withdrawn by the national catalog)
     * @param removed   entries those rows removed (the item is then priced by the entry before, if any)
     * @param added     new entries (a code, or a code's new begin date)
     * @param changed   items: entries whose name, category, class or end changed; terms: terms written (a
     *                  ceiling, ratio or condition set or removed on an entry, the entries later in the code
     *                  that took it included), so it may exceed the file's rows
     * @param unchanged items: rows already as the catalog holds them; terms: rows less terms written, at
     *                  least 0 (a file applied again: every row)
     */
    public record Report(long rows, boolean applied, long withdrawn, long removed, long added, long changed, long unchanged,
                         List<CatalogFile.RowError> rejectedRows) {

        static Report refused(CatalogFile.Read read, long withdrawn) {
            return new Report(read.rows(), false, withdrawn, 0, 0, 0, 0, read.errors());
        }
    }

    private final CatalogStore store;
    private final CatalogCache cache;
    private final CatalogPublication publication;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;

    CatalogImports(CatalogStore store, CatalogCache cache, CatalogPublication publication, TransactionTemplate transactions,
                   MeterRegistry meters) {
        this.store = store;
        this.cache = cache;
        this.publication = publication;
        this.transactions = transactions;
        this.meters = meters;
    }

    /** The item file (1312, 1301, 1302, 1305 or 1306 layout). */
    public Report importItems(InputStream body, String contentType) {
        return inTransaction("items", () -> {
            store.beginImport();
            long[] withdrawn = {0};
            CatalogFile.Read read = CatalogFile.read(body, contentType, HilistRow.LAYOUT, CHUNK, chunk -> {
                withdrawn[0] += chunk.stream().filter(r -> !r.valid()).count();
                store.stage(chunk);
            });
            publication.lockForChange();
            // rows repeating a code and begin date are found by the database, so that no key of the file is held here
            List<CatalogStore.Repeated> repeated = new ArrayList<>();
            long repeats = store.repeatedRows(CatalogFile.LISTED, repeated);
            read = read.plus(repeats, repeated.stream().map(r -> new CatalogFile.RowError(r.line(), "begndate",
                    "repeats line " + r.earlierLine() + " (the same hilist_code and begndate)")).toList());
            if (read.refused() > 0) {
                return Report.refused(read, withdrawn[0]);
            }
            cache.changing();
            CatalogStore.Applied applied = store.applyImport();
            long staged = read.rows();
            return new Report(read.rows(), true, withdrawn[0], applied.removed(), applied.added(), applied.changed(),
                    staged - withdrawn[0] - applied.added() - applied.changed(), List.of());
        });
    }

    /** Price ceilings (the 1318 layout, with medins_lv for a level's own). */
    public Report importCeilings(InputStream body, String contentType) {
        return importTerms("ceilings", TermRow.CEILINGS, body, contentType);
    }

    /** Items' own prior self-pay ratios (the 1319 layout). */
    public Report importRatios(InputStream body, String contentType) {
        return importTerms("ratios", TermRow.RATIOS, body, contentType);
    }

    /** Restricted-payment conditions (the bureau's layout, {@link TermRow}). */
    public Report importRestrictions(InputStream body, String contentType) {
        return importTerms("restrictions", TermRow.RESTRICTIONS, body, contentType);
    }

    private Report importTerms(String file, CatalogFile.Layout<TermRow> layout, InputStream body, String contentType) {
        return inTransaction(file, () -> {
            store.beginTermImport();
            long[] withdrawn = {0};
            CatalogFile.Read read = CatalogFile.read(body, contentType, layout, CHUNK, chunk -> {
                withdrawn[0] += chunk.stream().filter(r -> !r.valid()).count();
                store.stageTerms(chunk);
            });
            publication.lockForChange();
            List<CatalogStore.Unfit> unfit = new ArrayList<>();
            long count = store.unfitTerms(CatalogFile.LISTED, unfit);
            read = read.plus(count, unfit.stream().map(u -> new CatalogFile.RowError(u.line(), u.field(), u.reason())).toList());
            if (read.refused() > 0) {
                return Report.refused(read, withdrawn[0]);
            }
            cache.changing();
            CatalogStore.Applied applied = store.applyTerms();
            return new Report(read.rows(), true, withdrawn[0], 0, applied.added(), applied.changed(),
                    Math.max(0, read.rows() - applied.changed()), List.of());
        });
    }

    private interface Work {
        Report run() throws IOException;
    }

    /**
     * One import: the work (which reads and stages the file, then takes the catalog's lock, so a slow
     * upload holds no other import), its publication; rolled back whole when refused. Counted once committed.
     */
    private Report inTransaction(String file, Work work) {
        Report report = transactions.execute(status -> {
            try {
                Report done = work.run();
                if (done.applied()) {
                    publication.publishPending();
                } else {
                    status.setRollbackOnly();
                }
                return done;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        meters.counter("yibao.settlement.catalog.imports", "file", file, "outcome", report.applied() ? "applied" : "refused").increment();
        return report;
    }
}
