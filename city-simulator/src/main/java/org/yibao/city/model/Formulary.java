package org.yibao.city.model;

import org.yibao.city.catalog.CatalogEntry;
import org.yibao.city.catalog.Category;
import org.yibao.city.catalog.Restriction;
import org.yibao.city.catalog.SyntheticCatalog;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.money.Money;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What the city's doctors prescribe from the SYNTHETIC national catalog beside the city's own sample items
 * ({@link Item}): a few products for each use, picked from the generated entries by what they are (a
 * class 乙 patent medicine for colds with its own ratio, a proton-pump inhibitor restricted to
 * gastric diagnoses, an imaging service priced by level, ...), and each institution's own codes for the
 * items it bills (目录对照: {@code <institution>-<n>}), which it maps to the national codes before billing.
 * Everything here follows from the catalog's seed.
 */
public final class Formulary {

    /** What a pick is prescribed for. */
    public enum Use {
        /** A patent medicine for colds (J06, J20), class 乙 with its own ratio. */
        RESPIRATORY,
        /** A proton-pump inhibitor for gastritis (K29), class 乙 with its own ratio, within its condition if it has one. */
        GASTRIC,
        /**
         * A proton-pump inhibitor restricted to gastric diagnoses, prescribed to protect the stomach of a
         * patient with back pain (M54): outside its condition, so the person pays it.
         */
        GASTRIC_OUTSIDE_ITS_CONDITION,
        /** An unrestricted pain killer (M54 visits, pharmacies). */
        PAIN,
        /** An angiotensin receptor blocker for hypertension (I10), class 乙 with its own ratio. */
        HYPERTENSION,
        /** A diabetes medicine (E11), class 乙, restricted to diabetes diagnoses where it can be. */
        DIABETES,
        /** An imaging service whose ceiling differs by hospital level. */
        IMAGING,
        /** A laboratory test of class 乙 with its own ratio. */
        LAB_TEST,
        /** A low-value consumable of class 乙 with its own ratio. */
        CONSUMABLE,
        /** Herbal pieces, by the gram. */
        HERBAL,
        /** A class 丙 medicine (self-paid). */
        SELF_PAID,
        /**
         * A patent-medicine injection for coronary and cerebrovascular disease, restricted to level 2 and
         * above: within its condition at county and city hospitals, outside it at a township hospital.
         */
        HEART_INJECTION,
        // what only planted bills and the clean look-alikes bill (issue 21)
        /** An injection the catalog restricts to inpatients (限住院患者使用) and nothing else, for a common infection or condition. */
        INPATIENT_ONLY_INJECTION,
        /** A prostate-specific antigen test (a man's test). */
        PROSTATE_TEST,
        /** A gynaecological patent medicine taken by mouth, for women only ({@link #FEMALE_ONLY}). */
        GYNAECOLOGICAL_MEDICINE,
        /** An oral targeted cancer drug (L01XE) of class 乙 the catalog does not restrict by diagnosis. */
        TARGETED_CANCER_DRUG,
        /** A chemotherapy injection (L01CD) for colorectal cancer, payable at a county or city hospital's stay. */
        CHEMOTHERAPY
    }

    /** The uses honest bills prescribe from (the others are for planted bills and look-alikes). */
    public static final Set<Use> HONEST_USES = Set.copyOf(java.util.EnumSet.range(Use.RESPIRATORY, Use.HEART_INJECTION));

    private static final int PICKS = 3;

    /** Patent medicines for women's conditions only (gynaecological inflammation, menstruation, menopause). */
    public static final List<String> FEMALE_ONLY = List.of("妇科千金", "坤泰", "益母草");

    private final SyntheticCatalog catalog;
    private final Map<Use, List<Item>> picks;
    private final Map<String, CatalogEntry> entries;
    private final List<Item> mappable;
    private final Map<String, Integer> numbers;

    private Formulary(SyntheticCatalog catalog) {
        this.catalog = catalog;
        Map<Use, List<CatalogEntry>> candidates = new EnumMap<>(Use.class);
        for (CatalogEntry e : catalog.entries()) {
            if (e.vbp() || e.validTo() != null || e.validFrom().isAfter(SyntheticCatalog.NRDL_2024)) {
                continue; // no VBP batch lists it; in force for the whole of any year the city runs
            }
            for (Use use : Use.values()) {
                if (rule(use).test(e)) {
                    candidates.computeIfAbsent(use, u -> new ArrayList<>()).add(e);
                }
            }
        }
        Map<Use, List<Item>> chosen = new EnumMap<>(Use.class);
        Map<String, CatalogEntry> byCode = new LinkedHashMap<>();
        for (Use use : Use.values()) {
            List<CatalogEntry> found = candidates.getOrDefault(use, List.of());
            if (found.isEmpty()) {
                throw new IllegalStateException("the synthetic catalog (seed " + catalog.seed() + ") has nothing for " + use);
            }
            List<Item> items = new ArrayList<>();
            // spread over the candidates: different generics and makers, not one maker's three packages
            for (int k = 0; k < Math.min(PICKS, found.size()); k++) {
                CatalogEntry e = found.get(k * found.size() / PICKS);
                if (byCode.putIfAbsent(e.code(), e) == null) {
                    items.add(new Item(e.code(), e.name(), e.listPrice(), false, null, null, e.itemClass(), e.ceiling()));
                }
            }
            chosen.put(use, List.copyOf(items));
        }
        this.picks = Collections.unmodifiableMap(chosen);
        this.entries = Collections.unmodifiableMap(byCode);
        List<Item> all = new ArrayList<>(Item.ALL.stream().filter(i -> i.itemClass() != null).toList());
        chosen.values().forEach(all::addAll);
        this.mappable = List.copyOf(all);
        Map<String, Integer> n = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            n.put(all.get(i).code(), 1001 + i);
        }
        this.numbers = Collections.unmodifiableMap(n);
    }

    /** The picks from the standard synthetic catalog, made once per process. */
    public static Formulary standard() {
        return Standard.FORMULARY;
    }

    private static final class Standard {
        static final Formulary FORMULARY = new Formulary(SyntheticCatalog.standard());
    }

    public static Formulary of(SyntheticCatalog catalog) {
        return new Formulary(catalog);
    }

    public SyntheticCatalog catalog() {
        return catalog;
    }

    public List<Item> items(Use use) {
        return picks.get(use);
    }

    /** The synthetic catalog's entry of a pick; null for the city's own items. */
    public CatalogEntry entry(Item item) {
        return entries.get(item.code());
    }

    /** What an honest institution of a level charges for one unit: the level's ceiling for a pick, the item's price otherwise. */
    public Money priceAt(Item item, InstitutionLevel level) {
        CatalogEntry e = entries.get(item.code());
        return e == null ? item.price() : e.priceAt(level);
    }

    /** The items an institution maps to national codes: all on the catalog for a hospital, medicines for a pharmacy. */
    public List<Item> mappable(Institution institution) {
        return institution.isPharmacy() ? mappable.stream().filter(i -> MEDICINES.contains(i.code().charAt(0))).toList() : mappable;
    }

    private static final Set<Character> MEDICINES = Set.of('X', 'Z', 'T');

    /**
     * The institution's own code for an item (医药机构目录编码, its HIS's code): {@code <institution>-<n>},
     * n by the item's place in the city's list; null for an item no mapping can name (off the catalog).
     */
    public String ownCode(Institution institution, Item item) {
        Integer n = numbers.get(item.code());
        return n == null ? null : institution.code() + "-" + n;
    }

    /** The picks by use, for the report. */
    public Map<String, List<String>> describe() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        picks.forEach((use, items) -> out.put(use.name(), items.stream().map(i -> i.code() + " " + i.name()).collect(Collectors.toList())));
        return out;
    }

    private static Predicate<CatalogEntry> rule(Use use) {
        return switch (use) {
            case RESPIRATORY -> e -> e.category() == Category.CHINESE_PATENT_MEDICINE && oral(e) && e.indications().contains("J06")
                    && e.itemClass() == ItemClass.B && e.selfPayRatio() != null && e.restrictions().isEmpty();
            case GASTRIC -> e -> e.code().startsWith("XA02BC") && oral(e) && e.itemClass() == ItemClass.B && e.selfPayRatio() != null
                    && (e.restrictions().isEmpty() || onlyDiagnosesIncluding(e, "K29"));
            case GASTRIC_OUTSIDE_ITS_CONDITION -> e -> e.code().startsWith("XA02BC") && oral(e) && e.itemClass() == ItemClass.B
                    && e.restrictions().size() == 1 && e.restrictions().get(0).kind() == Restriction.Kind.DIAGNOSES
                    && !onlyDiagnosesIncluding(e, "M54");
            case PAIN -> e -> e.code().startsWith("XM01AE") && oral(e) && e.itemClass() != ItemClass.C && e.restrictions().isEmpty();
            case HYPERTENSION -> e -> e.code().startsWith("XC09CA") && oral(e) && e.itemClass() == ItemClass.B && e.selfPayRatio() != null
                    && (e.restrictions().isEmpty() || onlyDiagnosesIncluding(e, "I10"));
            case DIABETES -> e -> e.code().startsWith("XA10BA") && oral(e) && e.itemClass() == ItemClass.B
                    && onlyDiagnosesIncluding(e, "E11");
            case IMAGING -> e -> e.code().startsWith("S21") && e.itemClass() != ItemClass.C && !e.levelCeilings().isEmpty();
            case LAB_TEST -> e -> e.code().startsWith("S25") && e.itemClass() == ItemClass.B && e.selfPayRatio() != null;
            // general supplies only: a vascular interventional consumable (C01: guide catheters, balloons, stents) belongs
            // to an intervention, never to an honest appendicectomy or pneumonia stay
            case CONSUMABLE -> e -> e.category() == Category.CONSUMABLE && e.itemClass() == ItemClass.B && e.selfPayRatio() != null
                    && e.listPrice().compareTo(Money.of("200.00")) <= 0 && !e.code().startsWith("C01");
            case HERBAL -> e -> e.category() == Category.HERBAL_PIECES && e.itemClass() != ItemClass.C;
            case SELF_PAID -> e -> e.category() == Category.WESTERN_MEDICINE && oral(e) && e.itemClass() == ItemClass.C
                    && e.listPrice().compareTo(Money.of("20.00")) <= 0;
            case HEART_INJECTION -> e -> e.code().startsWith("ZA12BA") && e.itemClass() == ItemClass.B
                    && e.restrictions().stream().anyMatch(r -> r.kind() == Restriction.Kind.MIN_LEVEL)
                    && e.restrictions().stream().allMatch(r -> r.kind() == Restriction.Kind.MIN_LEVEL
                    || r.kind() == Restriction.Kind.INPATIENT_ONLY
                    || r.kind() == Restriction.Kind.DIAGNOSES && r.diagnosisPrefixes().containsAll(List.of("I25", "I63")));
            case INPATIENT_ONLY_INJECTION -> e -> e.category() == Category.WESTERN_MEDICINE && e.code().charAt(10) == 'B'
                    && e.itemClass() == ItemClass.B && e.restrictions().size() == 1
                    && e.restrictions().get(0).kind() == Restriction.Kind.INPATIENT_ONLY
                    && !e.indications().isEmpty() && e.indications().get(0).matches("[A-BD-Z]\\d\\d");
            case PROSTATE_TEST -> e -> e.code().startsWith("S25") && e.name().startsWith("前列腺特异性抗原") && e.itemClass() != ItemClass.C;
            case GYNAECOLOGICAL_MEDICINE -> e -> e.code().startsWith("ZB02AA") && oral(e) && e.itemClass() != ItemClass.C
                    && FEMALE_ONLY.stream().anyMatch(e.name()::startsWith);
            case TARGETED_CANCER_DRUG -> e -> e.code().startsWith("XL01XE") && oral(e) && e.itemClass() == ItemClass.B
                    && e.restrictions().stream().noneMatch(r -> r.kind() == Restriction.Kind.DIAGNOSES || r.kind() == Restriction.Kind.INPATIENT_ONLY
                    || r.kind() == Restriction.Kind.RETIREES_ONLY || r.kind() == Restriction.Kind.MAX_DAYS_SUPPLY);
            case CHEMOTHERAPY -> e -> e.code().startsWith("XL01CD") && e.code().charAt(10) == 'B' && e.itemClass() != ItemClass.C
                    && e.indications().contains("C18")
                    && e.restrictions().stream().allMatch(r -> r.kind() == Restriction.Kind.MIN_LEVEL
                    || r.kind() == Restriction.Kind.INPATIENT_ONLY
                    || r.kind() == Restriction.Kind.DIAGNOSES && r.diagnosisPrefixes().contains("C18"));
        };
    }

    /** A medicine taken by mouth: the form part of its national code begins with A. */
    private static boolean oral(CatalogEntry e) {
        return e.category().isDrug() && e.code().charAt(10) == 'A';
    }

    private static boolean onlyDiagnosesIncluding(CatalogEntry e, String diagnosis) {
        return e.restrictions().size() == 1 && e.restrictions().get(0).kind() == Restriction.Kind.DIAGNOSES
                && e.restrictions().get(0).diagnosisPrefixes().stream().anyMatch(diagnosis::startsWith);
    }
}
