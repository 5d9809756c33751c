package org.yibao.casemix.rules;

import org.yibao.contracts.region.Regions;
import org.yibao.web.config.DataFiles;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The DIP rules of {@code casemix-rules/*.yml} (one file per region and first year), validated when loaded. */
public final class CasemixRules {

    static final String PATTERN = "casemix-rules/*.yml";

    private final List<CasemixRule> rules;

    CasemixRules(List<CasemixRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static CasemixRules loadFromClasspath() {
        return load(DataFiles.onClasspath(PATTERN));
    }

    static CasemixRules load(List<DataFiles.DataFile> files) {
        List<CasemixRule> rules = new ArrayList<>();
        for (DataFiles.DataFile file : files) {
            rules.add(CasemixRule.of(file.name(), DataFiles.read(file, RulesFile.class)));
        }
        if (rules.isEmpty()) {
            throw new IllegalStateException(PATTERN + ": no rules on the classpath");
        }
        return new CasemixRules(rules);
    }

    /** The rules for a place in a year: the most specific region, then the latest year not after it. */
    public Optional<CasemixRule> inForce(String regionCode, int year) {
        return rules.stream()
                .filter(r -> Regions.contains(r.regionCode(), regionCode) && r.fromYear() <= year)
                .max(Comparator.<CasemixRule>comparingInt(r -> r.regionCode().endsWith("0000") ? 0 : r.regionCode().endsWith("00") ? 1 : 2)
                        .thenComparingInt(CasemixRule::fromYear));
    }
}
