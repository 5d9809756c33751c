package org.yibao.enrollment.contribution;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.money.Money;
import org.yibao.contracts.region.Regions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The contribution policies in {@code contribution-policies.yml}, validated when loaded: a bad entry
 * stops the service with a message naming the entry and the field.
 */
public final class ContributionPolicies {

    static final String FILE = "contribution-policies.yml";

    private final List<ContributionPolicy> policies;

    ContributionPolicies(List<ContributionPolicy> policies) {
        this.policies = List.copyOf(policies);
    }

    public static ContributionPolicies loadFromClasspath() {
        try (InputStream in = ContributionPolicies.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing from the classpath");
            }
            return read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + FILE, e);
        }
    }

    static ContributionPolicies read(String yaml) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(root instanceof List<?> entries)) {
            throw invalid("(file)", "must be a list of policies");
        }
        List<ContributionPolicy> policies = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            policies.add(policy(entries.get(i), "[" + i + "]"));
        }
        for (int i = 0; i < policies.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (policies.get(i).regionCode().equals(policies.get(j).regionCode())
                        && policies.get(i).fromYear() == policies.get(j).fromYear()) {
                    throw invalid("[" + i + "]", "repeats region " + policies.get(i).regionCode() + " from "
                            + policies.get(i).fromYear() + " (also [" + j + "])");
                }
            }
        }
        return new ContributionPolicies(policies);
    }

    /** The policy for a person's region in a year: the most specific region, then the latest year not after it. */
    public Optional<ContributionPolicy> inForce(String regionCode, int year) {
        return policies.stream()
                .filter(p -> Regions.contains(p.regionCode(), regionCode) && p.fromYear() <= year)
                .max(Comparator.<ContributionPolicy>comparingInt(p -> specificity(p.regionCode())).thenComparingInt(ContributionPolicy::fromYear));
    }

    public List<ContributionPolicy> all() {
        return policies;
    }

    private static int specificity(String regionCode) {
        return regionCode.endsWith("0000") ? 0 : regionCode.endsWith("00") ? 1 : 2;
    }

    private static ContributionPolicy policy(Object node, String path) {
        if (!(node instanceof Map<?, ?> m)) {
            throw invalid(path, "must be a mapping");
        }
        for (Object key : m.keySet()) {
            if (!Set.of("region", "fromYear", "residentContribution", "subsidies").contains(String.valueOf(key))) {
                throw invalid(path + "." + key, "is not a known field; expected region, fromYear, residentContribution, subsidies");
            }
        }
        String region = String.valueOf(m.get("region"));
        if (!region.matches("[1-9][0-9]{5}")) {
            throw invalid(path + ".region", "must be a 6-digit administrative division code, was '" + region + "'");
        }
        if (!(m.get("fromYear") instanceof Integer year) || year < 2000 || year > 2100) {
            throw invalid(path + ".fromYear", "must be a year between 2000 and 2100, was " + m.get("fromYear"));
        }
        Money contribution = money(m.get("residentContribution"), path + ".residentContribution");
        Map<AssistanceCategory, Subsidy> subsidies = new EnumMap<>(AssistanceCategory.class);
        Object subsidyNode = m.get("subsidies");
        if (subsidyNode != null) {
            if (!(subsidyNode instanceof Map<?, ?> sm)) {
                throw invalid(path + ".subsidies", "must map assistance categories to FULL or an amount");
            }
            sm.forEach((k, v) -> {
                String sp = path + ".subsidies." + k;
                AssistanceCategory category;
                try {
                    category = AssistanceCategory.valueOf(String.valueOf(k));
                } catch (IllegalArgumentException e) {
                    throw invalid(sp, "is not an assistance category; expected one of " + List.of(AssistanceCategory.values()));
                }
                Subsidy subsidy = "FULL".equals(v) ? Subsidy.inFull() : Subsidy.fixed(money(v, sp));
                if (!subsidy.full() && subsidy.amount().orElseThrow().compareTo(contribution) > 0) {
                    throw invalid(sp, "is more than the contribution " + contribution + "; use FULL");
                }
                subsidies.put(category, subsidy);
            });
        }
        return new ContributionPolicy(region, year, contribution, subsidies);
    }

    private static Money money(Object value, String path) {
        if (value == null) {
            throw invalid(path, "is required");
        }
        if (!(value instanceof String text)) {
            throw invalid(path, "must be a quoted amount such as \"250.00\", was " + value);
        }
        try {
            Money money = Money.of(text);
            if (money.isNegative()) {
                throw invalid(path, "must not be negative");
            }
            return money;
        } catch (IllegalArgumentException e) {
            throw invalid(path, e.getMessage());
        }
    }

    private static IllegalStateException invalid(String field, String reason) {
        return new IllegalStateException(FILE + ": " + field + ": " + reason);
    }
}
