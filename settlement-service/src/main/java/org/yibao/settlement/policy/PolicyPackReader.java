package org.yibao.settlement.policy;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.EmploymentTier;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and validates one policy-pack file. Every refusal names the file and the field path
 * ({@code visits.INPATIENT.ratio.RESIDENT.LEVEL_3}) and says what is wrong; unknown keys are refused
 * too, so a misspelt field cannot silently fall back to nothing.
 */
public final class PolicyPackReader {

    private final String file;

    private PolicyPackReader(String file) {
        this.file = file;
    }

    public static PolicyPack read(String file, String yaml) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new InvalidPolicyPackException(file, "(file)", "is not valid YAML: " + e.getMessage());
        }
        return new PolicyPackReader(file).pack(root);
    }

    private PolicyPack pack(Object root) {
        Map<String, Object> m = map(root, "(root)", Set.of("id", "version", "region", "scheme", "effectiveFrom",
                "priorSelfPayRatio", "visits", "catastrophic", "supplementary", "assistance", "zeroPay"));
        String id = text(m, "id", "");
        if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw invalid("id", "must be lower-case words joined by hyphens, was '" + id + "'");
        }
        if (!file.equals(id + ".yml")) {
            throw invalid("id", "must match the file name (" + file + "), was '" + id + "'");
        }
        int version = integer(m, "version", "");
        Map<String, Object> region = map(required(m, "region", ""), "region", Set.of("code", "name"));
        String regionCode = text(region, "code", "region.");
        if (!regionCode.matches("[1-9][0-9]{5}")) {
            throw invalid("region.code", "must be a 6-digit administrative division code, was '" + regionCode + "'");
        }
        Scheme scheme = enumValue(Scheme.class, text(m, "scheme", ""), "scheme");
        LocalDate effectiveFrom = date(required(m, "effectiveFrom", ""), "effectiveFrom");
        BigDecimal priorSelfPay = ratio(required(m, "priorSelfPayRatio", ""), "priorSelfPayRatio");

        Map<String, Object> visitsNode = map(required(m, "visits", ""), "visits", names(VisitType.values()));
        if (visitsNode.isEmpty()) {
            throw invalid("visits", "must define at least one visit type");
        }
        Map<VisitType, VisitRules> visits = new EnumMap<>(VisitType.class);
        visitsNode.forEach((k, v) -> visits.put(VisitType.valueOf(k), visit(VisitType.valueOf(k), v, "visits." + k)));

        return new PolicyPack(id, version, regionCode, text(region, "name", "region."), scheme, effectiveFrom,
                priorSelfPay, visits,
                optional(m, "catastrophic").map(v -> catastrophic(v, "catastrophic")),
                optional(m, "supplementary").map(v -> supplementary(v, "supplementary")),
                optional(m, "assistance").map(v -> assistance(v, "assistance")),
                optional(m, "zeroPay").map(v -> zeroPay(v, "zeroPay", visits)).orElse(List.of()));
    }

    private VisitRules visit(VisitType visitType, Object node, String path) {
        Map<String, Object> m = map(node, path, Set.of("capPool", "deductibleBasis", "deductible", "ratio", "tiltRatio",
                "annualCap", "requiresCertification", "outOfArea"));
        String p = path + ".";
        Map<PersonType, Map<InstitutionLevel, BigDecimal>> ratio = new EnumMap<>(PersonType.class);
        Map<String, Object> ratioNode = map(required(m, "ratio", p), p + "ratio", names(PersonType.values()));
        if (ratioNode.isEmpty()) {
            throw invalid(p + "ratio", "must give a ratio for at least one person type");
        }
        ratioNode.forEach((type, levels) -> {
            Map<InstitutionLevel, BigDecimal> byLevel = new EnumMap<>(InstitutionLevel.class);
            map(levels, p + "ratio." + type, names(InstitutionLevel.values())).forEach((level, r) ->
                    byLevel.put(InstitutionLevel.valueOf(level), ratio(r, p + "ratio." + type + "." + level)));
            ratio.put(PersonType.valueOf(type), byLevel);
        });
        Map<PersonType, Map<InstitutionLevel, Money>> deductible = deductible(required(m, "deductible", p), p + "deductible",
                ratio.keySet());
        ratio.forEach((type, byLevel) -> {
            for (InstitutionLevel level : byLevel.keySet()) {
                if (!deductible.get(type).containsKey(level)) {
                    throw invalid(p + "deductible." + (deductible.size() > 1 ? type + "." : "") + level,
                            "is missing although a ratio is given for " + type + " at " + level);
                }
            }
        });
        Map<AssistanceCategory, BigDecimal> tilt = new EnumMap<>(AssistanceCategory.class);
        optional(m, "tiltRatio").ifPresent(t -> map(t, p + "tiltRatio", names(AssistanceCategory.values()))
                .forEach((c, r) -> tilt.put(AssistanceCategory.valueOf(c), ratio(r, p + "tiltRatio." + c))));
        Map<PersonType, Map<EmploymentTier, Money>> caps = optional(m, "annualCap")
                .map(v -> annualCap(v, p + "annualCap", ratio.keySet()))
                .orElse(Map.of());
        boolean requiresCertification = optional(m, "requiresCertification")
                .map(v -> bool(v, p + "requiresCertification"))
                .orElse(visitType == VisitType.CHRONIC_OUTPATIENT);
        return new VisitRules(text(m, "capPool", p),
                enumValue(DeductibleBasis.class, text(m, "deductibleBasis", p), p + "deductibleBasis"),
                deductible, ratio, tilt, caps, requiresCertification,
                optional(m, "outOfArea").map(v -> outOfArea(v, p + "outOfArea")));
    }

    /**
     * A deductible is given either by institution level for every person type, or by person type and
     * then level ({@code EMPLOYEE_RETIRED: { LEVEL_2: "100.00" }}) for each person type with a ratio.
     */
    private Map<PersonType, Map<InstitutionLevel, Money>> deductible(Object node, String path, Set<PersonType> personTypes) {
        Set<String> keys = new LinkedHashSet<>(names(InstitutionLevel.values()));
        keys.addAll(names(PersonType.values()));
        Map<String, Object> m = map(node, path, keys);
        boolean byPersonType = m.keySet().stream().anyMatch(names(PersonType.values())::contains);
        Map<PersonType, Map<InstitutionLevel, Money>> out = new EnumMap<>(PersonType.class);
        if (!byPersonType) {
            Map<InstitutionLevel, Money> byLevel = levels(m, path);
            personTypes.forEach(t -> out.put(t, byLevel));
            return out;
        }
        for (PersonType type : personTypes) {
            Object levels = m.get(type.name());
            if (levels == null) {
                throw invalid(path + "." + type, "is required: deductibles are given by person type and " + type + " has a ratio");
            }
            out.put(type, levels(map(levels, path + "." + type, names(InstitutionLevel.values())), path + "." + type));
        }
        for (String key : m.keySet()) {
            if (!names(PersonType.values()).contains(key)) {
                throw invalid(path + "." + key, "mixes a level with person types; give every level under a person type");
            }
            if (!personTypes.contains(PersonType.valueOf(key))) {
                throw invalid(path + "." + key, "has no ratio in this visit type");
            }
        }
        return out;
    }

    private Map<InstitutionLevel, Money> levels(Map<String, Object> m, String path) {
        Map<InstitutionLevel, Money> byLevel = new EnumMap<>(InstitutionLevel.class);
        m.forEach((level, amount) -> byLevel.put(InstitutionLevel.valueOf(level), money(amount, path + "." + level)));
        return byLevel;
    }

    /**
     * An annual cap is one amount for everyone, or given by person type (each person type with a
     * ratio), each either one amount or by employment tier (all three tiers).
     */
    private Map<PersonType, Map<EmploymentTier, Money>> annualCap(Object node, String path, Set<PersonType> personTypes) {
        Map<PersonType, Map<EmploymentTier, Money>> out = new EnumMap<>(PersonType.class);
        if (!(node instanceof Map<?, ?>)) {
            Money cap = positiveMoney(node, path);
            personTypes.forEach(t -> out.put(t, everyTier(cap)));
            return out;
        }
        Map<String, Object> m = map(node, path, names(PersonType.values()));
        for (PersonType type : personTypes) {
            Object value = m.get(type.name());
            String tp = path + "." + type;
            if (value == null) {
                throw invalid(tp, "is required: caps are given by person type and " + type + " has a ratio");
            }
            if (!(value instanceof Map<?, ?>)) {
                out.put(type, everyTier(positiveMoney(value, tp)));
                continue;
            }
            if (type == PersonType.RESIDENT) {
                throw invalid(tp, "residents have no employment tier; give one amount");
            }
            Map<String, Object> tiers = map(value, tp, names(EmploymentTier.values()));
            Map<EmploymentTier, Money> byTier = new EnumMap<>(EmploymentTier.class);
            for (EmploymentTier tier : EmploymentTier.values()) {
                Object amount = tiers.get(tier.name());
                if (amount == null) {
                    throw invalid(tp + "." + tier, "is required: a cap by tier must name every tier");
                }
                byTier.put(tier, positiveMoney(amount, tp + "." + tier));
            }
            out.put(type, byTier);
        }
        for (String key : m.keySet()) {
            if (!personTypes.contains(PersonType.valueOf(key))) {
                throw invalid(path + "." + key, "has no ratio in this visit type");
            }
        }
        return out;
    }

    private static Map<EmploymentTier, Money> everyTier(Money cap) {
        Map<EmploymentTier, Money> byTier = new EnumMap<>(EmploymentTier.class);
        for (EmploymentTier tier : EmploymentTier.values()) {
            byTier.put(tier, cap);
        }
        return byTier;
    }

    private OutOfAreaRules outOfArea(Object node, String path) {
        Map<String, Object> m = map(node, path, Set.of("deductible", "filedRatioCut", "unfiledRatioCut"));
        String p = path + ".";
        return new OutOfAreaRules(optional(m, "deductible").map(v -> money(v, p + "deductible")),
                ratio(required(m, "filedRatioCut", p), p + "filedRatioCut"),
                optional(m, "unfiledRatioCut").map(v -> ratio(v, p + "unfiledRatioCut")));
    }

    private List<ZeroPayRule> zeroPay(Object node, String path, Map<VisitType, VisitRules> visits) {
        if (!(node instanceof List<?> list)) {
            throw invalid(path, "must be a list of rules");
        }
        List<ZeroPayRule> rules = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String rp = path + "[" + i + "]";
            Map<String, Object> m = map(list.get(i), rp, Set.of("name", "catalog", "diseases", "itemClass", "vbpOnly",
                    "visitTypes", "capPool"));
            String p = rp + ".";
            List<String> diseases = new ArrayList<>();
            for (Object d : list(required(m, "diseases", p), p + "diseases")) {
                String code = String.valueOf(d).trim().toUpperCase();
                if (!code.matches("[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?")) {
                    throw invalid(p + "diseases", "must be ICD-10 codes such as I10 or E11, was '" + d + "'");
                }
                diseases.add(code);
            }
            Set<VisitType> visitTypes = EnumSet.noneOf(VisitType.class);
            for (Object v : list(required(m, "visitTypes", p), p + "visitTypes")) {
                VisitType type = enumValue(VisitType.class, String.valueOf(v), p + "visitTypes");
                if (!visits.containsKey(type)) {
                    throw invalid(p + "visitTypes", type + " has no rules in this pack");
                }
                visitTypes.add(type);
            }
            String capPool = text(m, "capPool", p);
            if (visits.values().stream().anyMatch(v -> v.capPool().equals(capPool))) {
                throw invalid(p + "capPool", "must be a pool of its own, not a visit type's capped pool '" + capPool + "'");
            }
            rules.add(new ZeroPayRule(text(m, "name", p), text(m, "catalog", p), diseases,
                    enumValue(ItemClass.class, text(m, "itemClass", p), p + "itemClass"),
                    optional(m, "vbpOnly").map(v -> bool(v, p + "vbpOnly")).orElse(true), visitTypes, capPool));
        }
        return rules;
    }

    private CatastrophicRules catastrophic(Object node, String path) {
        Map<String, Object> m = map(node, path, Set.of("threshold", "bands", "annualCap", "tilts"));
        String p = path + ".";
        Object bandsNode = required(m, "bands", p);
        if (!(bandsNode instanceof List<?> list) || list.isEmpty()) {
            throw invalid(p + "bands", "must be a non-empty list");
        }
        List<CatastrophicRules.Band> bands = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String bp = p + "bands[" + i + "]";
            Map<String, Object> b = map(list.get(i), bp, Set.of("width", "ratio"));
            Optional<Money> width = optional(b, "width").map(w -> positiveMoney(w, bp + ".width"));
            boolean last = i == list.size() - 1;
            if (width.isPresent() == last) {
                throw invalid(bp + ".width", last ? "the last band must be open-ended (no width)" : "is required for all but the last band");
            }
            bands.add(new CatastrophicRules.Band(width, ratio(required(b, "ratio", bp + "."), bp + ".ratio")));
        }
        Money threshold = positiveMoney(required(m, "threshold", p), p + "threshold");
        Map<AssistanceCategory, CatastrophicRules.Tilt> tilts = new EnumMap<>(AssistanceCategory.class);
        optional(m, "tilts").ifPresent(t -> map(t, p + "tilts", names(AssistanceCategory.values())).forEach((c, v) -> {
            String tp = p + "tilts." + c;
            Map<String, Object> tm = map(v, tp, Set.of("threshold", "thresholdFactor", "ratio", "ratioBonus", "noCap"));
            if (tm.containsKey("threshold") == tm.containsKey("thresholdFactor")) {
                throw invalid(tp, "needs exactly one of threshold (an amount) or thresholdFactor (a share of " + threshold + ")");
            }
            if (tm.containsKey("ratio") && tm.containsKey("ratioBonus")) {
                throw invalid(tp, "takes a ratio or a ratioBonus, not both");
            }
            Money tilted = tm.containsKey("threshold")
                    ? positiveMoney(tm.get("threshold"), tp + ".threshold")
                    : threshold.times(ratio(tm.get("thresholdFactor"), tp + ".thresholdFactor"), java.math.RoundingMode.HALF_UP);
            tilts.put(AssistanceCategory.valueOf(c), new CatastrophicRules.Tilt(tilted,
                    optional(tm, "ratio").map(r -> ratio(r, tp + ".ratio")),
                    optional(tm, "ratioBonus").map(r -> ratio(r, tp + ".ratioBonus")),
                    Boolean.TRUE.equals(tm.get("noCap"))));
        }));
        return new CatastrophicRules(threshold, bands,
                optional(m, "annualCap").map(v -> positiveMoney(v, p + "annualCap")), tilts);
    }

    private SupplementaryRules supplementary(Object node, String path) {
        Map<String, Object> m = map(node, path, Set.of("threshold", "ratio", "annualCap", "countsDeductible", "eligibleCategories"));
        String p = path + ".";
        Set<AssistanceCategory> eligible = new LinkedHashSet<>();
        optional(m, "eligibleCategories").ifPresent(v -> {
            if (!(v instanceof List<?> list)) {
                throw invalid(p + "eligibleCategories", "must be a list of assistance categories");
            }
            list.forEach(c -> eligible.add(enumValue(AssistanceCategory.class, String.valueOf(c), p + "eligibleCategories")));
        });
        return new SupplementaryRules(money(required(m, "threshold", p), p + "threshold"),
                ratio(required(m, "ratio", p), p + "ratio"),
                optional(m, "annualCap").map(v -> positiveMoney(v, p + "annualCap")),
                Boolean.TRUE.equals(m.get("countsDeductible")), eligible);
    }

    private AssistanceRules assistance(Object node, String path) {
        Map<AssistanceCategory, AssistanceRules.Share> shares = new EnumMap<>(AssistanceCategory.class);
        map(node, path, names(AssistanceCategory.values())).forEach((c, v) -> {
            String sp = path + "." + c;
            Map<String, Object> sm = map(v, sp, Set.of("ratio", "annualLimit"));
            shares.put(AssistanceCategory.valueOf(c), new AssistanceRules.Share(
                    ratio(required(sm, "ratio", sp + "."), sp + ".ratio"),
                    positiveMoney(required(sm, "annualLimit", sp + "."), sp + ".annualLimit")));
        });
        return new AssistanceRules(shares);
    }

    // --- typed access with the field path in every refusal ---

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Object node, String path, Set<String> allowed) {
        if (node == null) {
            return Map.of();
        }
        if (!(node instanceof Map<?, ?> raw)) {
            throw invalid(path, "must be a mapping");
        }
        for (Object key : raw.keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                throw invalid(path.equals("(root)") ? String.valueOf(key) : path + "." + key,
                        "is not a known field; expected one of " + new java.util.TreeSet<>(allowed));
            }
        }
        return (Map<String, Object>) raw;
    }

    private Object required(Map<String, Object> m, String key, String prefix) {
        Object value = m.get(key);
        if (value == null) {
            throw invalid(prefix + key, "is required");
        }
        return value;
    }

    private static Optional<Object> optional(Map<String, Object> m, String key) {
        return Optional.ofNullable(m.get(key));
    }

    private String text(Map<String, Object> m, String key, String prefix) {
        Object value = required(m, key, prefix);
        String s = String.valueOf(value).trim();
        if (s.isEmpty()) {
            throw invalid(prefix + key, "must not be empty");
        }
        return s;
    }

    private int integer(Map<String, Object> m, String key, String prefix) {
        Object value = required(m, key, prefix);
        if (!(value instanceof Integer i) || i < 1) {
            throw invalid(prefix + key, "must be a whole number of 1 or more, was " + value);
        }
        return i;
    }

    private boolean bool(Object value, String path) {
        if (!(value instanceof Boolean b)) {
            throw invalid(path, "must be true or false, was " + value);
        }
        return b;
    }

    private List<?> list(Object value, String path) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw invalid(path, "must be a non-empty list");
        }
        return list;
    }

    private LocalDate date(Object value, String path) {
        if (value instanceof Date d) {
            return d.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        }
        try {
            return LocalDate.parse(String.valueOf(value));
        } catch (RuntimeException e) {
            throw invalid(path, "must be a date like 2019-01-01, was " + value);
        }
    }

    private BigDecimal ratio(Object value, String path) {
        BigDecimal ratio;
        try {
            ratio = new BigDecimal(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw invalid(path, "must be a number, was " + value);
        }
        if (ratio.signum() < 0 || ratio.compareTo(BigDecimal.ONE) > 0) {
            throw invalid(path, "must be a ratio between 0 and 1, was " + ratio.toPlainString());
        }
        return ratio;
    }

    private Money money(Object value, String path) {
        if (value instanceof Double) {
            throw invalid(path, "must be written as a quoted amount such as \"200.00\", not a floating-point number");
        }
        Money money;
        try {
            money = Money.of(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw invalid(path, e.getMessage());
        }
        if (money.isNegative()) {
            throw invalid(path, "must not be negative, was " + money);
        }
        return money;
    }

    private Money positiveMoney(Object value, String path) {
        Money money = money(value, path);
        if (!money.isPositive()) {
            throw invalid(path, "must be more than zero");
        }
        return money;
    }

    private <E extends Enum<E>> E enumValue(Class<E> type, String value, String path) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw invalid(path, "must be one of " + names(type.getEnumConstants()) + ", was '" + value + "'");
        }
    }

    private static Set<String> names(Enum<?>[] values) {
        Set<String> names = new java.util.TreeSet<>();
        for (Enum<?> v : values) {
            names.add(v.name());
        }
        return names;
    }

    private InvalidPolicyPackException invalid(String field, String reason) {
        return new InvalidPolicyPackException(file, field, reason);
    }

}
