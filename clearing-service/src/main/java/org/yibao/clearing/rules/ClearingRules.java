package org.yibao.clearing.rules;

import org.yibao.web.config.DataFiles;

import org.yibao.contracts.region.Regions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The clearing rules of {@code clearing-rules/*.yml} (one file per region and first year), validated when
 * loaded: a bad file stops the service naming the file and the field.
 */
public final class ClearingRules {

    static final String PATTERN = "clearing-rules/*.yml";

    private final List<ClearingRule> rules;

    ClearingRules(List<ClearingRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static ClearingRules loadFromClasspath() {
        return load(DataFiles.onClasspath(PATTERN));
    }

    static ClearingRules load(List<DataFiles.DataFile> files) {
        List<ClearingRule> rules = new ArrayList<>();
        for (DataFiles.DataFile file : files) {
            rules.add(ClearingRule.of(file.name(), DataFiles.read(file, RulesFile.class)));
        }
        if (rules.isEmpty()) {
            throw new IllegalStateException(PATTERN + ": no clearing rules on the classpath");
        }
        return new ClearingRules(rules);
    }

    /** The rules for a place in a year: the most specific region, then the latest year not after it. */
    public Optional<ClearingRule> inForce(String regionCode, int year) {
        return rules.stream()
                .filter(r -> Regions.contains(r.regionCode(), regionCode) && r.fromYear() <= year)
                .max(Comparator.<ClearingRule>comparingInt(r -> specificity(r.regionCode())).thenComparingInt(ClearingRule::fromYear));
    }

    /** Whether some rules (of any year) cover the place. */
    public boolean hasRegion(String regionCode) {
        return rules.stream().anyMatch(r -> Regions.contains(r.regionCode(), regionCode));
    }

    private static int specificity(String regionCode) {
        return regionCode.endsWith("0000") ? 0 : regionCode.endsWith("00") ? 1 : 2;
    }
}
