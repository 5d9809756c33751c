package org.yibao.care.policy;

import org.yibao.web.config.DataFiles;

import org.yibao.contracts.events.CareLevel;
import org.yibao.web.problem.FieldProblem;
import org.yibao.web.problem.InvalidRequestException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A disability assessment scale (失能评估量表): its items with the scores each allows, and the bands that
 * turn the total score into a care level (长期护理失能等级). Data ({@code care-scales/*.yml}), validated
 * when loaded: every total the items can add up to falls in exactly one band.
 *
 * @param name  the scale's name (BARTHEL)
 * @param items each item's allowed scores, in the file's order
 * @param bands the bands, in the file's order
 */
public record AssessmentScale(String name, Map<String, Set<Integer>> items, List<Band> bands) {

    /** Totals from {@code from} to {@code to} (inclusive) give {@code level}. */
    public record Band(int from, int to, CareLevel level) {
    }

    /** The item scores of one assessment, their total and the level it gives. */
    public record Scored(Map<String, Integer> scores, int total, CareLevel level) {
    }

    public AssessmentScale {
        items = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(items));
        bands = List.copyOf(bands);
    }

    /** The highest total the items can add up to. */
    public int maximum() {
        return items.values().stream().mapToInt(s -> s.stream().mapToInt(Integer::intValue).max().orElse(0)).sum();
    }

    /**
     * Scores one assessment: every item of the scale once, each with a score it allows.
     *
     * @throws InvalidRequestException (400) naming {@code scores.ITEM} for each item missing, unknown or
     *                                 scored with a value the item does not allow
     */
    public Scored score(Map<String, Integer> scores) {
        List<FieldProblem> problems = new ArrayList<>();
        for (String given : new TreeSet<>(scores.keySet())) {
            if (!items.containsKey(given)) {
                problems.add(new FieldProblem("scores." + given, "is not an item of the " + name + " scale; expected one of "
                        + items.keySet()));
            }
        }
        int total = 0;
        Map<String, Integer> ordered = new LinkedHashMap<>();
        for (Map.Entry<String, Set<Integer>> item : items.entrySet()) {
            Integer score = scores.get(item.getKey());
            if (score == null) {
                problems.add(new FieldProblem("scores." + item.getKey(), "is required by the " + name + " scale"));
            } else if (!item.getValue().contains(score)) {
                problems.add(new FieldProblem("scores." + item.getKey(), "must be one of " + item.getValue() + ", was " + score));
            } else {
                total += score;
                ordered.put(item.getKey(), score);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new Scored(ordered, total, levelOf(total));
    }

    /** The care level of a total score. */
    public CareLevel levelOf(int total) {
        return bands.stream().filter(b -> b.from() <= total && total <= b.to()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no band of " + name + " holds " + total)).level();
    }

    /** Validates a bound scale file; every refusal names the file and the field. */
    static AssessmentScale of(String file, ScaleFile f) {
        if (f.scale() == null || !f.scale().matches("[A-Z][A-Z0-9_]{0,39}")) {
            throw DataFiles.invalid(file, "scale", "must be a name in capitals such as BARTHEL");
        }
        if (f.items() == null || f.items().isEmpty()) {
            throw DataFiles.invalid(file, "items", "must list the scale's items");
        }
        Map<String, Set<Integer>> items = new LinkedHashMap<>();
        for (int i = 0; i < f.items().size(); i++) {
            ScaleFile.Item item = f.items().get(i);
            String at = "items[" + i + "]";
            if (item == null || item.item() == null || !item.item().matches("[A-Z][A-Z0-9_]{0,39}")) {
                throw DataFiles.invalid(file, at + ".item", "must be a name in capitals such as FEEDING");
            }
            if (item.term() == null || item.term().isBlank()) {
                throw DataFiles.invalid(file, at + ".term", "must give the item's standard term");
            }
            if (item.scores() == null || item.scores().isEmpty()) {
                throw DataFiles.invalid(file, at + ".scores", "must list the scores the item allows");
            }
            Set<Integer> allowed = new TreeSet<>();
            for (int s = 0; s < item.scores().size(); s++) {
                Integer score = item.scores().get(s);
                if (score == null || score < 0 || score > 1000 || !allowed.add(score)) {
                    throw DataFiles.invalid(file, at + ".scores[" + s + "]", "must be a score from 0 to 1000 given once");
                }
            }
            if (items.put(item.item(), java.util.Collections.unmodifiableSet(allowed)) != null) {
                throw DataFiles.invalid(file, at + ".item", item.item() + " is given twice");
            }
        }
        if (f.levels() == null || f.levels().isEmpty()) {
            throw DataFiles.invalid(file, "levels", "must list the total score's bands");
        }
        List<Band> bands = new ArrayList<>();
        for (int i = 0; i < f.levels().size(); i++) {
            ScaleFile.Band b = f.levels().get(i);
            String at = "levels[" + i + "]";
            if (b == null || b.from() == null || b.to() == null || b.level() == null) {
                throw DataFiles.invalid(file, at, "needs from, to and level");
            }
            if (b.from() > b.to()) {
                throw DataFiles.invalid(file, at + ".from", "is above to");
            }
            bands.add(new Band(b.from(), b.to(), b.level()));
        }
        AssessmentScale scale = new AssessmentScale(f.scale(), items, bands);
        for (int total = 0; total <= scale.maximum(); total++) {
            int t = total;
            long holding = bands.stream().filter(b -> b.from() <= t && t <= b.to()).count();
            if (holding != 1) {
                throw DataFiles.invalid(file, "levels", "a total of " + total + " falls in " + holding
                        + " bands; every total from 0 to " + scale.maximum() + " must fall in exactly one");
            }
        }
        return scale;
    }
}
