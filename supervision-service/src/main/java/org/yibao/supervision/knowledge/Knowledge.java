package org.yibao.supervision.knowledge;

import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.identity.ResidentId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One version of the knowledge base (知识库): medical facts the rule library's rules read, as data.
 * Items are named by code prefix (a national code's leading characters name its class: XA10 the
 * diabetes drugs, C0101 vascular interventional consumables), diagnoses by {@link DiagnosisRange},
 * procedures by ICD-9-CM-3 prefix.
 *
 * @param version   the version's name, unique among loaded versions
 * @param validFrom the first service date it applies to; the version in force on a day is the latest begun by then
 * @param sample    whether it is the illustrative sample shipped with the platform (not a bureau's own)
 * @param source    where its facts come from
 * @param plannedTreatment     session diagnoses of planned staged treatment (ICD-10 Z51.0-Z51.2)
 * @param plannedTreatmentWith what such a session must be for (e.g. a neoplasm C00-D48); empty: anything
 */
public record Knowledge(String version, LocalDate validFrom, boolean sample, String source,
                        List<Indication> indications, List<Indication> contraindications, List<Panel> contents,
                        List<ProcedureBound> procedureBound, List<SexSpecific> sexSpecific, List<AgeSpecific> ageSpecific,
                        List<DailyDose> dailyDoses, List<Restriction> restrictions, List<DiagnosisRange> plannedTreatment,
                        List<DiagnosisRange> plannedTreatmentWith) {

    public Knowledge {
        indications = List.copyOf(indications);
        contraindications = List.copyOf(contraindications);
        contents = List.copyOf(contents);
        procedureBound = List.copyOf(procedureBound);
        sexSpecific = List.copyOf(sexSpecific);
        ageSpecific = List.copyOf(ageSpecific);
        dailyDoses = List.copyOf(dailyDoses);
        restrictions = List.copyOf(restrictions);
        plannedTreatment = List.copyOf(plannedTreatment);
        plannedTreatmentWith = List.copyOf(plannedTreatmentWith);
    }

    /** An empty knowledge base (nothing loaded): rules reading it find nothing. */
    public static Knowledge none() {
        return new Knowledge("none", LocalDate.MIN, false, "nothing loaded", List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** Items (by prefix) and the diagnoses they need (indications, 适应症) or must not have (contraindications, 禁忌). */
    public record Indication(String item, String name, List<DiagnosisRange> diagnoses) {
        public Indication {
            diagnoses = List.copyOf(diagnoses);
        }

        public boolean metBy(List<String> codes) {
            return codes.stream().anyMatch(c -> diagnoses.stream().anyMatch(r -> r.matches(c)));
        }
    }

    /** A panel (项目内涵) and the components it includes, which must not be billed beside it. */
    public record Panel(String panel, String name, List<String> components) {
        public Panel {
            components = List.copyOf(components);
        }
    }

    /**
     * A consumable or item (by prefix) that belongs to a procedure: the claim must carry one of the
     * procedures (ICD-9-CM-3 prefixes) or one of the items (code prefixes); where {@code diagnoses} is
     * not empty, also one of them.
     */
    public record ProcedureBound(String item, String name, List<String> procedures, List<String> items,
                                 List<DiagnosisRange> diagnoses) {
        public ProcedureBound {
            procedures = List.copyOf(procedures);
            items = List.copyOf(items);
            diagnoses = List.copyOf(diagnoses);
        }
    }

    /**
     * Items by code prefix, or by a fragment of the item's name (the generic or service name as the
     * catalog spells it: knowledge of package inserts and service items is kept by name as often as by
     * code), at least one of the two.
     *
     * @param item  a code prefix; null when the row names items by name only
     * @param names fragments of the item's name, any of which marks it
     */
    public record ItemMatch(String item, List<String> names) {
        public ItemMatch {
            names = List.copyOf(names);
        }

        /** Whether the item (its code, and its name when known) is one of these. */
        public boolean matches(String code, String itemName) {
            return (item != null && code.startsWith(item)) || (itemName != null && names.stream().anyMatch(itemName::contains));
        }
    }

    /** Items only a person of this sex can be given. */
    public record SexSpecific(ItemMatch items, String name, ResidentId.Gender sex) {
    }

    /** Items for patients of {@code minAge} to {@code maxAge} years, inclusive. */
    public record AgeSpecific(ItemMatch items, String name, int minAge, int maxAge) {
    }

    /** A drug (by prefix) and its usual daily dose in billed units, to tell a line's days of supply when not given. */
    public record DailyDose(String item, String name, BigDecimal unitsPerDay) {
    }

    /**
     * An item (by prefix) restricted to visit types, to institutions of at least a level, or to person
     * types; an empty list (or null level) does not restrict.
     */
    public record Restriction(String item, String name, Set<VisitType> visitTypes, InstitutionLevel minLevel,
                              Set<PersonType> personTypes) {
        public Restriction {
            visitTypes = Set.copyOf(visitTypes);
            personTypes = Set.copyOf(personTypes);
        }
    }

    public List<Indication> indicationsOf(String itemCode) {
        return indications.stream().filter(i -> itemCode.startsWith(i.item())).toList();
    }

    public List<Indication> contraindicationsOf(String itemCode) {
        return contraindications.stream().filter(i -> itemCode.startsWith(i.item())).toList();
    }

    public Optional<Panel> panel(String itemCode) {
        return contents.stream().filter(p -> p.panel().equals(itemCode)).findFirst();
    }

    public List<ProcedureBound> procedureBoundOf(String itemCode) {
        return procedureBound.stream().filter(p -> itemCode.startsWith(p.item())).toList();
    }

    /** @param itemName the item's name when known (the bill's or the catalog's), else null */
    public List<SexSpecific> sexSpecificOf(String itemCode, String itemName) {
        return sexSpecific.stream().filter(s -> s.items().matches(itemCode, itemName)).toList();
    }

    /** @param itemName the item's name when known (the bill's or the catalog's), else null */
    public List<AgeSpecific> ageSpecificOf(String itemCode, String itemName) {
        return ageSpecific.stream().filter(a -> a.items().matches(itemCode, itemName)).toList();
    }

    /** The longest matching prefix's daily dose. */
    public Optional<DailyDose> dailyDoseOf(String itemCode) {
        return dailyDoses.stream().filter(d -> itemCode.startsWith(d.item()))
                .max((a, b) -> Integer.compare(a.item().length(), b.item().length()));
    }

    public List<Restriction> restrictionsOf(String itemCode) {
        return restrictions.stream().filter(r -> itemCode.startsWith(r.item())).toList();
    }

    /**
     * Whether the diagnoses are of planned staged treatment (分次治疗: a radiotherapy or chemotherapy session)
     * together with what it treats, where the version names that ({@code plannedTreatmentWith}, e.g. a neoplasm
     * C00-D48): a session code alone does not exempt a readmission.
     */
    public boolean plannedTreatment(List<String> diagnoses) {
        boolean session = diagnoses.stream().anyMatch(d -> plannedTreatment.stream().anyMatch(r -> r.matches(d)));
        return session && (plannedTreatmentWith.isEmpty()
                || diagnoses.stream().anyMatch(d -> plannedTreatmentWith.stream().anyMatch(r -> r.matches(d))));
    }
}
