package org.yibao.settlement.policy;

import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.events.VisitType;

import java.util.List;
import java.util.Set;

/**
 * Lines the basic fund pays in full, with no deductible and no personal share: for example class
 * 甲 VBP drugs on the 两病 catalog for a person certified for hypertension or diabetes.
 *
 * @param catalog     the recommended catalog (from VbpCatalogPublished) the item must be on
 * @param diseases    ICD-10 categories; the person needs a certification in force for one of them
 * @param itemClass   the item's class
 * @param vbpOnly     whether the item must also be a volume-based-procurement product
 * @param visitTypes  the visits the rule applies to
 * @param capPool     the accumulator pool the payments are counted in; it has no cap, so the
 *                    promise of zero personal payment holds all year
 */
public record ZeroPayRule(String name, String catalog, List<String> diseases, ItemClass itemClass, boolean vbpOnly,
                          Set<VisitType> visitTypes, String capPool) {

    public ZeroPayRule {
        diseases = List.copyOf(diseases);
        visitTypes = Set.copyOf(visitTypes);
    }

    /** Whether a certified disease (e.g. I10 or I10.x00) is one the rule names. */
    public boolean coversDisease(String certifiedDisease) {
        String code = certifiedDisease.toUpperCase();
        return diseases.stream().anyMatch(code::startsWith);
    }
}
