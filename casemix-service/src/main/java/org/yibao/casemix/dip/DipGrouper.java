package org.yibao.casemix.dip;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts a stay in its DIP group of a table, with the reason (the grouping trace): its core group (main diagnosis category
 * and main procedure, or 保守 without one) when the table has it; else its category's comprehensive group; else the
 * catch-all. A stay no group takes (a table without a catch-all, and its category unknown) is not grouped.
 */
public final class DipGrouper {

    private DipGrouper() {
    }

    /** A stay's group and why. */
    public record Grouped(DipGroup group, List<String> trace) {

        public Grouped {
            trace = List.copyOf(trace);
        }
    }

    public static Optional<Grouped> group(List<DipGroup> table, String mainDiagnosis, String mainProcedure) {
        List<String> trace = new ArrayList<>();
        String category = mainDiagnosis.substring(0, 3);
        String key = category + "+" + (mainProcedure == null ? "保守" : mainProcedure);
        trace.add("main diagnosis " + mainDiagnosis + ": category (类目) " + category + "; main procedure "
                + (mainProcedure == null ? "none: conservative treatment (保守治疗)" : mainProcedure) + ": key " + key);
        Optional<DipGroup> core = find(table, key);
        if (core.isPresent()) {
            trace.add("core group (核心病种) " + key + ": " + core.get().cases() + " cases in the history, " + core.get().points() + " points");
            return Optional.of(new Grouped(core.get(), trace));
        }
        trace.add("no core group " + key + " (fewer cases than the minimum in the history, or none)");
        Optional<DipGroup> comprehensive = find(table, category + "+综合");
        if (comprehensive.isPresent()) {
            trace.add("comprehensive group (综合病种) of " + category + ": " + comprehensive.get().points() + " points");
            return Optional.of(new Grouped(comprehensive.get(), trace));
        }
        Optional<DipGroup> catchAll = find(table, "综合");
        if (catchAll.isPresent()) {
            trace.add("no comprehensive group of " + category + ": the catch-all (综合), " + catchAll.get().points() + " points");
            return Optional.of(new Grouped(catchAll.get(), trace));
        }
        trace.add("no group takes it");
        return Optional.empty();
    }

    private static Optional<DipGroup> find(List<DipGroup> table, String code) {
        return table.stream().filter(g -> g.code().equals(code)).findFirst();
    }
}
