package org.yibao.settlement.policy;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.region.Regions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every policy pack the service knows, loaded and validated once at start-up: a bad file stops the
 * service with a message naming the file and the field, rather than surfacing at a hospital's bill.
 */
public final class PolicyPacks {

    public static final String LOCATION = "classpath*:policy-packs/*.yml";

    private final List<PolicyPack> packs;

    public PolicyPacks(List<PolicyPack> packs) {
        Map<String, PolicyPack> seen = new HashMap<>();
        for (PolicyPack pack : packs) {
            String slot = pack.regionCode() + "/" + pack.scheme() + "/" + pack.effectiveFrom();
            PolicyPack other = seen.put(slot, pack);
            if (other != null) {
                throw new InvalidPolicyPackException(pack.id() + ".yml", "effectiveFrom",
                        "region " + pack.regionCode() + " already has a " + pack.scheme() + " pack from "
                                + pack.effectiveFrom() + " (" + other.id() + ")");
            }
        }
        this.packs = packs.stream()
                .sorted(Comparator.comparing(PolicyPack::effectiveFrom).reversed()).toList();
    }

    public static PolicyPacks loadFromClasspath() {
        try {
            List<PolicyPack> packs = new ArrayList<>();
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                packs.add(PolicyPackReader.read(resource.getFilename(),
                        resource.getContentAsString(StandardCharsets.UTF_8)));
            }
            return new PolicyPacks(packs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the policy packs", e);
        }
    }

    /**
     * The pack in force for a region and scheme on a date: the latest one effective by then, of the
     * most specific region that contains the person's (a district is paid under its city's pack
     * unless it has its own: enrollment states a person's county code, 441702, and packs are by city, 441700).
     */
    public Optional<PolicyPack> inForce(String regionCode, Scheme scheme, LocalDate on) {
        return packs.stream()
                .filter(p -> Regions.contains(p.regionCode(), regionCode) && p.scheme() == scheme && !p.effectiveFrom().isAfter(on))
                .min(Comparator.comparingInt((PolicyPack p) -> p.regionCode().equals(regionCode) ? 0 : p.regionCode().endsWith("0000") ? 2 : 1));
    }

    /** The pack a settlement names ({@code id@version}, {@link PolicyPack#label()}), if it is still loaded. */
    public Optional<PolicyPack> byLabel(String label) {
        return packs.stream().filter(p -> p.label().equals(label)).findFirst();
    }

    public List<PolicyPack> all() {
        return packs;
    }
}
