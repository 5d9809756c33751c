package org.yibao.procurement.consumption;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An institution falling behind on its agreed volumes: how many of the batch's products it agreed,
 * how many of them are behind, and its lowest completion.
 */
public record InstitutionBehind(String institution, long products, long productsBehind, BigDecimal lowestCompletionPercent) {

    /** The institutions with at least one product behind, by institution code. */
    static List<InstitutionBehind> of(List<Completion> completions) {
        Map<String, List<Completion>> byInstitution = new TreeMap<>();
        completions.forEach(c -> byInstitution.computeIfAbsent(c.institution(), k -> new ArrayList<>()).add(c));
        return byInstitution.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(Completion::behind))
                .map(e -> new InstitutionBehind(e.getKey(), e.getValue().size(), e.getValue().stream().filter(Completion::behind).count(),
                        e.getValue().stream().map(Completion::completionPercent).min(BigDecimal::compareTo).orElseThrow()))
                .toList();
    }
}
