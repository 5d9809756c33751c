package org.yibao.care.policy;

import org.yibao.web.config.DataFiles;

import org.yibao.contracts.region.Regions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The care policies of {@code care-policies/*.yml} (one file per region and year), validated when loaded
 * against the assessment scales: a bad file stops the service naming the file and the field.
 */
public final class CarePolicies {

    static final String PATTERN = "care-policies/*.yml";

    private final List<CarePolicy> policies;
    private final AssessmentScales scales;

    CarePolicies(List<CarePolicy> policies, AssessmentScales scales) {
        this.policies = List.copyOf(policies);
        this.scales = scales;
    }

    public static CarePolicies loadFromClasspath(AssessmentScales scales) {
        List<CarePolicy> policies = new ArrayList<>();
        for (DataFiles.DataFile file : DataFiles.onClasspath(PATTERN)) {
            policies.add(CarePolicy.of(file.name(), DataFiles.read(file, PolicyFile.class), scales));
        }
        if (policies.isEmpty()) {
            throw new IllegalStateException(PATTERN + ": no care policy on the classpath");
        }
        return new CarePolicies(policies, scales);
    }

    /** The policy for a place in a year: the most specific region, then the latest year not after it. */
    public Optional<CarePolicy> inForce(String regionCode, int year) {
        return policies.stream()
                .filter(p -> Regions.contains(p.regionCode(), regionCode) && p.fromYear() <= year)
                .max(Comparator.<CarePolicy>comparingInt(p -> specificity(p.regionCode())).thenComparingInt(CarePolicy::fromYear));
    }

    /** The scale a policy names (checked when loaded). */
    public AssessmentScale scaleOf(CarePolicy policy) {
        return scales.named(policy.scale()).orElseThrow();
    }

    private static int specificity(String regionCode) {
        return regionCode.endsWith("0000") ? 0 : regionCode.endsWith("00") ? 1 : 2;
    }
}
