package org.yibao.enrollment.contribution;

import org.yibao.web.config.FieldPaths;
import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.money.Money;
import org.yibao.contracts.region.Regions;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The contribution policies in {@code contribution-policies.yml}, validated when loaded: a bad entry
 * stops the service with a message naming the entry and the field ({@code file: path: reason}).
 * Jackson binds the YAML onto {@link ContributionPolicyEntry} records (unknown and repeated keys
 * refused, money and subsidies by their own readers, {@link ContributionValues}); the ranges and what
 * must hold across entries are checked here.
 */
public final class ContributionPolicies {

    static final String FILE = "contribution-policies.yml";

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // a year is a whole number as written: neither "2019" nor 2019.0
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .addModule(ContributionValues.module())
            .build();
    private static final TypeReference<List<ContributionPolicyEntry>> ENTRIES = new TypeReference<>() {
    };
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate Object property \"(.*)\"");

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
        List<ContributionPolicyEntry> entries;
        try {
            entries = YAML.readValue(yaml, ENTRIES);
        } catch (JacksonException e) {
            throw refusal(e);
        }
        if (entries == null) {
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

    private static ContributionPolicy policy(ContributionPolicyEntry entry, String path) {
        if (entry == null) {
            throw invalid(path, "must be a mapping");
        }
        String region = required(entry.region(), path + ".region");
        if (!region.matches("[1-9][0-9]{5}")) {
            throw invalid(path + ".region", "must be a 6-digit administrative division code, was '" + region + "'");
        }
        int year = required(entry.fromYear(), path + ".fromYear");
        if (year < 2000 || year > 2100) {
            throw invalid(path + ".fromYear", "must be a year between 2000 and 2100, was " + year);
        }
        Money contribution = required(entry.residentContribution(), path + ".residentContribution");
        Map<AssistanceCategory, Subsidy> subsidies = new EnumMap<>(AssistanceCategory.class);
        Optional.ofNullable(entry.subsidies()).orElse(Map.of()).forEach((category, subsidy) -> {
            String sp = path + ".subsidies." + category;
            if (!required(subsidy, sp).full() && subsidy.amount().orElseThrow().compareTo(contribution) > 0) {
                throw invalid(sp, "is more than the contribution " + contribution + "; use FULL");
            }
            subsidies.put(category, subsidy);
        });
        return new ContributionPolicy(region, year, contribution, subsidies,
                Optional.ofNullable(entry.fiscalSubsidy()).orElse(Money.ZERO));
    }

    private static <T> T required(T value, String path) {
        if (value == null) {
            throw invalid(path, "is required");
        }
        return value;
    }

    // --- what Jackson refused, in the file's words ---

    private static IllegalStateException refusal(JacksonException e) {
        String path = path(e);
        if (e instanceof UnrecognizedPropertyException u) {
            Set<String> known = new TreeSet<>();
            u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            return invalid(path, "is not a known field; expected one of " + known);
        }
        if (e instanceof ContributionValues.Refusal) {
            return invalid(path, e.getOriginalMessage());
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() == AssistanceCategory.class) {
            // assistance categories are only ever keys (of subsidies): the path ends at the mapping
            return invalid(path + "." + f.getValue(), "is not an assistance category; expected one of "
                    + List.of(AssistanceCategory.values()));
        }
        Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
        if (e instanceof StreamReadException && duplicate.find()) {
            return invalid(path + "." + duplicate.group(1), "is given twice");
        }
        if (!(e instanceof MismatchedInputException m)) {
            return invalid("(file)", "is not valid YAML: " + e.getOriginalMessage());
        }
        if (path.equals("(file)")) {
            return invalid(path, "must be a list of policies");
        }
        return invalid(path, "must be " + describe(m.getTargetType())
                + (m instanceof InvalidFormatException f ? ", was " + f.getValue() : ""));
    }

    private static String describe(Class<?> target) {
        if (target == Integer.class || target == int.class) {
            return "a whole number";
        }
        if (target == String.class) {
            return "text";
        }
        if (target != null && Collection.class.isAssignableFrom(target)) {
            return "a list";
        }
        if (target != null && Map.class.isAssignableFrom(target)) {
            return "a mapping of assistance categories to FULL or an amount"; // subsidies, the one mapping of an entry
        }
        return "a mapping";
    }

    private static String path(JacksonException e) {
        String path = FieldPaths.of(e);
        return path.isEmpty() ? "(file)" : path;
    }

    private static IllegalStateException invalid(String field, String reason) {
        return new IllegalStateException(FILE + ": " + field + ": " + reason);
    }
}
