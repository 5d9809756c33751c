package org.yibao.city.expect;

import org.yibao.contracts.events.Scheme;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/** The packs the simulator reads for itself, and which one is in force for a bill. */
public final class PolicyPacks {

    /** The simulated city's packs (Zhumadian), copied from settlement-service's resources at build time. */
    public static final List<String> CITY = List.of("zhumadian-2021-employee", "zhumadian-2021-resident");

    private final List<PolicyPack> packs;

    public PolicyPacks(List<PolicyPack> packs) {
        this.packs = List.copyOf(packs);
    }

    public static PolicyPacks city() {
        return new PolicyPacks(CITY.stream().map(PolicyPackFile::resource).toList());
    }

    /** The latest pack effective by the date for the person's region and scheme, or null. */
    public PolicyPack inForce(Scheme scheme, String personRegion, LocalDate date) {
        return packs.stream()
                .filter(p -> p.scheme() == scheme && contains(p.regionCode(), personRegion) && !p.effectiveFrom().isAfter(date))
                .max(Comparator.comparing(PolicyPack::effectiveFrom).thenComparing(PolicyPack::version)).orElse(null);
    }

    /** Whether a division contains another by code: 411700 contains 411702, 440000 all of Guangdong. */
    static boolean contains(String region, String code) {
        String prefix = region;
        while (prefix.endsWith("00")) {
            prefix = prefix.substring(0, prefix.length() - 2);
        }
        return code.startsWith(prefix);
    }
}
