package org.yibao.city.catalog;

import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A SYNTHETIC national reimbursement catalog (医保目录) of a bureau's size, generated from a seed: the same
 * seed and size always give the same catalog, code for code. It is invented data, marked so in every file
 * it is written to ({@link CatalogFiles}); no code, name or price in it is an official one.
 *
 * <p>What it is shaped after (public facts; the shapes below are this generator's ASSUMPTIONs where no
 * source states them):
 * <ul>
 *   <li>the national list is counted in generics: the 2024 NRDL (in force from 2025-01-01) lists 3,159
 *       medicines, 1,765 western and 1,394 Chinese patent (NHSA, 28 Nov 2024, as reported by China Daily);
 *       the 2019 edition listed 1,279 western and 1,316 patent medicines, 398 and 242 of them class 甲,
 *       the rest (and every negotiated drug) class 乙, and 892 herbal pieces paid, with a list of pieces
 *       never paid such as 冬虫夏草, 鹿茸 and 西洋参 (the 2019 list's 凡例);</li>
 *   <li>a bureau's catalog is counted in product codes: one national drug code (23 characters: X or Z,
 *       the ATC or function group, the generic, the form, the strength, the package and the maker) per
 *       product, so tens of thousands of drug codes for those generics, beside service items and
 *       consumables (ASSUMPTION: 46% western, 24% patent, 4% herbal pieces, 17% services, 9% consumables
 *       of the codes);</li>
 *   <li>class shares of codes per part as {@link Category} states them (ASSUMPTION, after the 2019 list's
 *       甲 shares of generics, with class 丙 for products of forms or makers the list does not name);</li>
 *   <li>item-level prior self-pay ratios for three quarters of class 乙 codes, 5%-30% (consumables
 *       10%-30%), the rest paying the pack's ratio (ASSUMPTION);</li>
 *   <li>restricted-payment conditions (限定支付范围) on 30% of class 乙 medicines: a diagnosis list of the
 *       group's indication, level 2 and above, inpatients only, retirees only, or a maximum days' supply
 *       (ASSUMPTION: the shares of kinds);</li>
 *   <li>government service prices that differ by hospital level for 35% of the priced services (level 3 the
 *       entry's ceiling, level 2 at 92%, level 1 at 85%, community centres at 80%; ASSUMPTION), and a few
 *       VBP products at 40% of the price (batches cut prices by about half or more);</li>
 *   <li>begin dates at the days the NRDL editions took effect (2021-03-01, 2023-03-01, 2024-01-01,
 *       2025-01-01) and a few entries ended on 2024-12-31 (the 2024 edition removed 43 drugs).</li>
 * </ul>
 * The codes of the city's own sample items ({@code org.yibao.city.model.Item}, seeded by settlement's
 * migration with their class, ceiling and VBP flag) are never generated: the shapes are kept apart (maker
 * numbers from 10000 in medicine codes, item numbers from 5000 in service codes, consumable codes of 27
 * characters), and the unit test checks it against both lists.
 */
public final class SyntheticCatalog {

    public static final long DEFAULT_SEED = 2021;
    public static final int DEFAULT_ITEMS = 52_000;
    /** The 2024 NRDL took effect on this day. */
    public static final LocalDate NRDL_2024 = LocalDate.of(2025, 1, 1);
    /** Entries removed by the 2024 NRDL ended the day before it. */
    public static final LocalDate REMOVED_ON = LocalDate.of(2024, 12, 31);

    static final double RESTRICTED_SHARE = 0.30;
    static final double OWN_RATIO_SHARE = 0.75;
    static final double LEVEL_PRICED_SHARE = 0.35;
    static final double ENDED_SHARE = 0.004;
    static final double VBP_SHARE = 0.04;
    static final BigDecimal VBP_PRICE_FACTOR = new BigDecimal("0.40");
    static final Map<InstitutionLevel, BigDecimal> LEVEL_PRICE = Map.of(InstitutionLevel.LEVEL_2, new BigDecimal("0.92"),
            InstitutionLevel.LEVEL_1, new BigDecimal("0.85"), InstitutionLevel.COMMUNITY, new BigDecimal("0.80"));

    private static final List<BigDecimal> RATIOS = decimals("0.05", "0.10", "0.10", "0.15", "0.15", "0.20", "0.20", "0.30");
    private static final List<BigDecimal> CONSUMABLE_RATIOS = decimals("0.10", "0.15", "0.20", "0.20", "0.30");
    private static final int[] SUPPLY_DAYS = {7, 14, 30, 30};

    private final long seed;
    private final List<CatalogEntry> entries;
    private final Map<String, CatalogEntry> byCode;

    private SyntheticCatalog(long seed, List<CatalogEntry> entries) {
        this.seed = seed;
        this.entries = Collections.unmodifiableList(entries);
        Map<String, CatalogEntry> codes = new LinkedHashMap<>();
        for (CatalogEntry e : entries) {
            if (codes.put(e.code(), e) != null) {
                throw new IllegalStateException("generated twice: " + e.code());
            }
        }
        this.byCode = Collections.unmodifiableMap(codes);
    }

    /**
     * Generates a catalog of {@code items} codes (at least 1,000, at most 150,000: the code shapes have room
     * for that many in each part).
     */
    public static SyntheticCatalog generate(long seed, int items) {
        if (items < 1_000 || items > 150_000) {
            throw new IllegalArgumentException("items must be between 1,000 and 150,000, was " + items);
        }
        Map<Category, Integer> quota = quota(items);
        List<CatalogEntry> entries = new ArrayList<>(items);
        for (Category c : Category.values()) {
            Generation g = new Generation(new SplittableRandom(seed * 0x9E3779B97F4A7C15L + (c.ordinal() + 1) * 0xBF58476D1CE4E5B9L), c,
                    quota.get(c), entries);
            switch (c) {
                case WESTERN_MEDICINE -> g.westernMedicines();
                case CHINESE_PATENT_MEDICINE -> g.patentMedicines();
                case HERBAL_PIECES -> g.herbalPieces();
                case MEDICAL_SERVICE -> g.services();
                case CONSUMABLE -> g.consumables();
            }
        }
        return new SyntheticCatalog(seed, entries);
    }

    /** The bureau's catalog the simulated city runs on: the default seed and size, generated once per process. */
    public static SyntheticCatalog standard() {
        return Standard.CATALOG;
    }

    private static final class Standard {
        static final SyntheticCatalog CATALOG = generate(DEFAULT_SEED, DEFAULT_ITEMS);
    }

    public long seed() {
        return seed;
    }

    /** Every entry, part by part, in the order generated. */
    public List<CatalogEntry> entries() {
        return entries;
    }

    /** The entry of a code, or null when the synthetic catalog has none. */
    public CatalogEntry get(String code) {
        return byCode.get(code);
    }

    /** How many codes each part gets: its share, the rounding left to the largest part. */
    static Map<Category, Integer> quota(int items) {
        Map<Category, Integer> quota = new EnumMap<>(Category.class);
        int given = 0;
        for (Category c : Category.values()) {
            int n = (int) Math.floor(items * c.share());
            quota.put(c, n);
            given += n;
        }
        quota.merge(Category.WESTERN_MEDICINE, items - given, Integer::sum);
        return quota;
    }

    private static List<BigDecimal> decimals(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }

    /** One part's generation, from its own random stream. */
    private static final class Generation {
        private final SplittableRandom r;
        private final Category category;
        private final int quota;
        private final List<CatalogEntry> out;
        private int sequence;

        Generation(SplittableRandom r, Category category, int quota, List<CatalogEntry> out) {
            this.r = r;
            this.category = category;
            this.quota = quota;
            this.out = out;
        }

        /** What every product of one class key shares: its class, own ratio and conditions (the NRDL lists by generic and form). */
        private record Terms(ItemClass itemClass, BigDecimal selfPayRatio, List<Restriction> restrictions) {
        }

        /** Each group with each index of its members: the class keys of a part whose groups list their members. */
        private static <T> List<Map.Entry<T, Integer>> each(List<T> groups, java.util.function.ToIntFunction<T> members) {
            List<Map.Entry<T, Integer>> keys = new ArrayList<>();
            for (T group : groups) {
                for (int i = 0; i < members.applyAsInt(group); i++) {
                    keys.add(Map.entry(group, i));
                }
            }
            return keys;
        }

        /** How many products the k-th of n keys gets: the quota shared out evenly, the remainder to the first keys. */
        private int productsOf(int k, int keys) {
            return quota / keys + (k < quota % keys ? 1 : 0);
        }

        /** A generic in one form: the NRDL lists (and classes) medicines by generic and form. */
        private record DrugKey(Families.DrugFamily family, String name, Families.Form form, int generic) {

            /** The code's generic part: a letter and the generic's number. */
            String genericCode() {
                return (char) ('A' + generic % 26) + String.format("%03d", generic);
            }
        }

        void westernMedicines() {
            List<DrugKey> keys = new ArrayList<>();
            int generic = 0;
            for (Families.DrugFamily f : Families.WESTERN) {
                for (String name : f.generics()) {
                    generic++;
                    for (Families.Form form : f.forms()) {
                        keys.add(new DrugKey(f, form.name(name), form, generic));
                    }
                }
            }
            for (int k = 0; k < keys.size(); k++) {
                DrugKey key = keys.get(k);
                drugs(key, "X" + key.family().group() + key.genericCode() + key.form().code, productsOf(k, keys.size()));
            }
        }

        void patentMedicines() {
            List<DrugKey> keys = new ArrayList<>();
            int generic = 0;
            for (Families.DrugFamily f : Families.PATENT) {
                for (String name : f.generics()) {
                    keys.add(new DrugKey(f, name, Families.Form.ofPatent(name), ++generic));
                }
            }
            for (int k = 0; k < keys.size(); k++) {
                DrugKey key = keys.get(k);
                drugs(key, "Z" + key.family().group() + key.genericCode() + key.form().code, productsOf(k, keys.size()));
            }
        }

        /** The products of one generic in one form: strengths, packages and makers, each its own code. */
        private void drugs(DrugKey key, String prefix, int products) {
            Families.DrugFamily f = key.family();
            Families.Form form = key.form();
            String name = key.name();
            Terms terms = terms(f.classWeights(), f, form);
            List<String> strengths = form.route.strengths;
            int first = r.nextInt(strengths.size());
            int strengthsUsed = Math.min(3, strengths.size());
            // a western group's prices are of its cheapest form, by mouth; a patent medicine's are of the form it names
            double base = logUniform(f.low(), f.high()) * (category == Category.WESTERN_MEDICINE ? form.priceFactor : 1.0);
            boolean vbpKey = f.vbp() && form.route == Families.Route.ORAL && terms.itemClass() != ItemClass.C;
            for (int j = 0; j < products; j++) {
                int s = j % strengthsUsed;
                String strength = strengths.get((first + s) % strengths.size());
                int pack = PACKS[r.nextInt(PACKS.length)];
                String code = prefix + String.format("%02d%02d%05d", s + 1, pack % 100, nextSequence(10_000, 99_999));
                boolean vbp = vbpKey && r.nextDouble() < VBP_SHARE;
                BigDecimal price = BigDecimal.valueOf(base * (1 + 0.5 * s) * (0.85 + 0.3 * r.nextDouble()));
                if (vbp) {
                    price = price.multiply(VBP_PRICE_FACTOR);
                }
                String label = name + " " + strength + "×" + (form.route == Families.Route.ORAL ? pack : 1) + form.unit
                        + (vbp ? " 集采中选" : "") + " (模拟制药" + String.format("%02d", 1 + r.nextInt(99)) + "厂)";
                LocalDate[] period = drugPeriod();
                add(code, label, terms, period[0], period[1], money(price), Map.of(), vbp, f.indications(), f.unitsPerDay());
            }
        }

        private static final int[] PACKS = {7, 10, 12, 14, 20, 24, 28, 30, 36, 48, 60, 100};

        /** A herb processed one way (炮制): one class key of the pieces. */
        private record HerbKey(String herb, int way, int number, boolean precious) {

            String name() {
                String processing = Families.PROCESSING.get(way);
                return processing.equals("炭") ? herb + "炭" : processing + herb;
            }
        }

        void herbalPieces() {
            List<HerbKey> keys = new ArrayList<>();
            for (int h = 0; h < Families.HERBS.size(); h++) {
                List<Integer> ways = new ArrayList<>(List.of(0));
                while (ways.size() < 3) {
                    int w = 1 + r.nextInt(Families.PROCESSING.size() - 1);
                    if (!ways.contains(w)) {
                        ways.add(w);
                    }
                }
                for (int w : ways) {
                    keys.add(new HerbKey(Families.HERBS.get(h), w, h + 1, false));
                }
            }
            for (int h = 0; h < Families.PRECIOUS_HERBS.size(); h++) {
                keys.add(new HerbKey(Families.PRECIOUS_HERBS.get(h), 0, 900 + h, true));
            }
            for (int k = 0; k < keys.size(); k++) {
                HerbKey key = keys.get(k);
                Terms terms = key.precious() ? new Terms(ItemClass.C, null, List.of()) : terms(null, null, null);
                double base = key.precious() ? logUniform(2.0, 60.0) : logUniform(0.02, 1.2);
                int products = productsOf(k, keys.size());
                for (int j = 0; j < products; j++) {
                    String cut = Families.CUTS.get(r.nextInt(Families.CUTS.size()));
                    String code = "T" + String.format("%03d%02d%04d", key.number(), key.way(), nextSequence(1_000, 9_999));
                    BigDecimal price = BigDecimal.valueOf(base * (0.85 + 0.3 * r.nextDouble()));
                    String label = key.name() + " " + cut + " 每克 (模拟饮片" + String.format("%02d", 1 + r.nextInt(60)) + "厂)";
                    LocalDate from = r.nextDouble() < 0.5 ? LocalDate.of(2021, 3, 1) : NRDL_2024;
                    add(code, label, terms, from, null, money(price), Map.of(), false, List.of(), 15);
                }
            }
        }

        void services() {
            List<Map.Entry<Families.ServiceChapter, Integer>> keys = each(Families.SERVICES, c -> c.items().size());
            for (int k = 0; k < keys.size(); k++) {
                Families.ServiceChapter chapter = keys.get(k).getKey();
                String item = chapter.items().get(keys.get(k).getValue());
                // item numbers from 5000: the city's own service codes (S110200001 ...) have lower ones
                int number = 5_000 + keys.get(k).getValue();
                Terms terms = terms(chapter.classWeights(), null, null);
                boolean byLevel = terms.itemClass() != ItemClass.C && r.nextDouble() < LEVEL_PRICED_SHARE;
                double base = logUniform(chapter.low(), chapter.high());
                int products = productsOf(k, keys.size());
                for (int j = 0; j < products; j++) {
                    String variant = j < Families.SERVICE_VARIANTS.size() ? Families.SERVICE_VARIANTS.get(j)
                            : "(第" + (j - Families.SERVICE_VARIANTS.size() + 2) + "类)";
                    String code = "S" + chapter.chapter() + String.format("%04d%03d", number, j + 1);
                    Money price = money(BigDecimal.valueOf(base * (j == 0 ? 1.0 : 0.5 + r.nextDouble())));
                    Map<InstitutionLevel, Money> levels = new EnumMap<>(InstitutionLevel.class);
                    if (byLevel) {
                        LEVEL_PRICE.forEach((level, share) -> levels.put(level, money(price.amount().multiply(share))));
                    }
                    LocalDate from = SERVICE_DATES[r.nextInt(SERVICE_DATES.length)];
                    add(code, item + variant + " (模拟价格)", terms, from, null, price, levels, false, List.of(), 1);
                }
            }
        }

        private static final LocalDate[] SERVICE_DATES = {LocalDate.of(2019, 1, 1), LocalDate.of(2021, 7, 1), LocalDate.of(2023, 1, 1),
                LocalDate.of(2025, 7, 1)};
        private static final LocalDate[] CONSUMABLE_DATES = {LocalDate.of(2020, 1, 1), LocalDate.of(2022, 6, 1), LocalDate.of(2024, 1, 1),
                LocalDate.of(2025, 4, 1)};

        void consumables() {
            List<Map.Entry<Families.ConsumableKind, Integer>> keys = each(Families.CONSUMABLES, kind -> kind.materials().size());
            for (int k = 0; k < keys.size(); k++) {
                Families.ConsumableKind kind = keys.get(k).getKey();
                int m = keys.get(k).getValue();
                Terms terms = terms(kind.classWeights(), null, null);
                double base = logUniform(kind.low(), kind.high());
                int products = productsOf(k, keys.size());
                for (int j = 0; j < products; j++) {
                    int model = 100 + r.nextInt(9_900);
                    String code = "C" + kind.group() + "001" + String.format("%03d%04d%010d", m + 1, model,
                            nextSequence(1, 999_999_999));
                    boolean vbp = kind.vbp() && terms.itemClass() != ItemClass.C && r.nextDouble() < VBP_SHARE;
                    BigDecimal price = BigDecimal.valueOf(base * (0.7 + 0.6 * r.nextDouble()));
                    if (vbp) {
                        price = price.multiply(VBP_PRICE_FACTOR);
                    }
                    String label = kind.name() + " " + kind.materials().get(m) + " 型号M" + model + (vbp ? " 集采中选" : "")
                            + " (模拟医械" + String.format("%02d", 1 + r.nextInt(80)) + "厂)";
                    LocalDate from = CONSUMABLE_DATES[r.nextInt(CONSUMABLE_DATES.length)];
                    add(code, label, terms, from, null, money(price), Map.of(), vbp, List.of(), 1);
                }
            }
        }

        /** A class key's class, own ratio and, for class 乙 medicines, its conditions. */
        private Terms terms(Map<ItemClass, Double> weights, Families.DrugFamily family, Families.Form form) {
            Map<ItemClass, Double> w = weights != null ? weights : category.classWeights();
            double u = r.nextDouble();
            ItemClass itemClass = u < w.get(ItemClass.A) ? ItemClass.A : u < w.get(ItemClass.A) + w.get(ItemClass.B) ? ItemClass.B
                    : ItemClass.C;
            if (itemClass != ItemClass.B) {
                return new Terms(itemClass, null, List.of());
            }
            BigDecimal ratio = null;
            if (r.nextDouble() < OWN_RATIO_SHARE) {
                List<BigDecimal> from = category == Category.CONSUMABLE ? CONSUMABLE_RATIOS : RATIOS;
                ratio = from.get(r.nextInt(from.size()));
            }
            List<Restriction> restrictions = category.isDrug() && r.nextDouble() < RESTRICTED_SHARE
                    ? restrictions(family, form) : List.of();
            return new Terms(itemClass, ratio, restrictions);
        }

        /**
         * One or two conditions. ASSUMPTION, the kinds' shares: a diagnosis list 60% (where the group has
         * an indication), level 2 and above 15%, inpatients only (injections; otherwise a days' supply) 10%,
         * retirees 3%, a days' supply 12%; a second condition for one in six, and costly groups (mostly
         * class 乙: cancer drugs, biologics, injections of patent medicines) also at level 2 and above.
         */
        private List<Restriction> restrictions(Families.DrugFamily family, Families.Form form) {
            List<Restriction> out = new ArrayList<>();
            boolean injection = form.route == Families.Route.INJECTION;
            double k = r.nextDouble();
            if (!family.indications().isEmpty() && k < 0.60) {
                out.add(diagnoses(family));
            } else if (k < 0.75) {
                out.add(minLevel());
            } else if (k < 0.85) {
                out.add(injection ? inpatientOnly() : daysSupply(family));
            } else if (k < 0.88) {
                out.add(new Restriction(Restriction.Kind.RETIREES_ONLY, null, "限退休人员使用"));
            } else {
                out.add(injection ? inpatientOnly() : daysSupply(family));
            }
            boolean costly = family.classWeights() != null && family.classWeights().get(ItemClass.B) >= 0.8;
            if ((costly || r.nextDouble() < 1 / 6.0) && out.stream().noneMatch(x -> x.kind() == Restriction.Kind.MIN_LEVEL)) {
                out.add(minLevel());
            }
            return out;
        }

        private static Restriction diagnoses(Families.DrugFamily f) {
            return new Restriction(Restriction.Kind.DIAGNOSES, String.join(",", f.indications()),
                    "限" + f.indicationLabel() + "患者(" + String.join("、", f.indications()) + ")");
        }

        private static Restriction minLevel() {
            return new Restriction(Restriction.Kind.MIN_LEVEL, InstitutionLevel.LEVEL_2.name(), "限二级及以上医疗机构使用");
        }

        private static Restriction inpatientOnly() {
            return new Restriction(Restriction.Kind.INPATIENT_ONLY, null, "限住院患者使用");
        }

        private Restriction daysSupply(Families.DrugFamily f) {
            int days = SUPPLY_DAYS[r.nextInt(SUPPLY_DAYS.length)];
            return new Restriction(Restriction.Kind.MAX_DAYS_SUPPLY, f.unitsPerDay() + "," + days, "限" + days + "日用量");
        }

        /** A medicine's period: in force from one of the NRDL editions' days, or (a few) removed by the 2024 edition. */
        private LocalDate[] drugPeriod() {
            if (r.nextDouble() < ENDED_SHARE) {
                return new LocalDate[]{LocalDate.of(2023, 3, 1), REMOVED_ON};
            }
            double u = r.nextDouble();
            LocalDate from = u < 0.70 ? NRDL_2024 : u < 0.85 ? LocalDate.of(2024, 1, 1) : u < 0.95 ? LocalDate.of(2023, 3, 1)
                    : LocalDate.of(2021, 3, 1);
            return new LocalDate[]{from, null};
        }

        private void add(String code, String name, Terms terms, LocalDate from, LocalDate to, Money listPrice,
                         Map<InstitutionLevel, Money> levelCeilings, boolean vbp, List<String> indications, int unitsPerDay) {
            boolean priced = terms.itemClass() != ItemClass.C;
            out.add(new CatalogEntry(code, name, category, terms.itemClass(), from, to, listPrice, priced ? listPrice : null,
                    priced ? levelCeilings : Map.of(), terms.selfPayRatio(), vbp, terms.restrictions(), indications, unitsPerDay));
        }

        private int nextSequence(int from, int to) {
            int n = from + sequence++;
            if (n > to) {
                throw new IllegalStateException(category + ": no room for more than " + (to - from + 1) + " codes");
            }
            return n;
        }

        /** A value between low and high, spread evenly on a log scale (prices span orders of magnitude). */
        private double logUniform(double low, double high) {
            double a = StrictMath.log(low);
            double b = StrictMath.log(high);
            // the mean of two draws: more middling prices than extreme ones
            return StrictMath.exp(a + (b - a) * (r.nextDouble() + r.nextDouble()) / 2);
        }

        private static Money money(BigDecimal yuan) {
            return Money.rounded(yuan, RoundingMode.HALF_UP).max(Money.ofFen(1));
        }
    }
}
