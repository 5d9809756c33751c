package org.yibao.settlement.policy;

import org.yibao.web.config.FieldPaths;
import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.DeliveryKind;
import org.yibao.contracts.events.EmploymentTier;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * Reads and validates one policy-pack file: Jackson binds the YAML onto {@link PolicyPackFile}
 * (unknown keys refused, money and ratios by their own readers, {@link PackValues}), then what must
 * hold across fields is checked while it becomes a {@link PolicyPack}. Every refusal is an
 * {@link InvalidPolicyPackException} naming the file and the field path
 * ({@code visits.INPATIENT.ratio.RESIDENT.LEVEL_3}) and saying what is wrong.
 */
public final class PolicyPackReader {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // as written, nothing guessed: 1.5 is not a version, "2" or "true" in quotes are text
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
            .addModule(PackValues.module())
            .build();

    private final String file;
    /** Whether the id must match the file's name: for the packs the service loads, not for an upload (no file name). */
    private final boolean named;

    private PolicyPackReader(String file, boolean named) {
        this.file = file;
        this.named = named;
    }

    public static PolicyPack read(String file, String yaml) {
        return read(new PolicyPackReader(file, true), yaml);
    }

    /**
     * A pack uploaded by staff (a policy simulation's candidate, issue 28), checked exactly as a loaded file is
     * except that there is no file name for its id to match.
     *
     * @throws InvalidPolicyPackException naming the field, when the text is not a valid pack
     */
    public static PolicyPack readUpload(String yaml) {
        return read(new PolicyPackReader("(upload)", false), yaml);
    }

    private static PolicyPack read(PolicyPackReader reader, String yaml) {
        PolicyPackFile bound;
        try {
            bound = YAML.readValue(yaml, PolicyPackFile.class);
        } catch (DatabindException e) {
            throw reader.refusal(e);
        } catch (JacksonException e) {
            throw reader.invalid("(file)", "is not valid YAML: " + e.getOriginalMessage());
        }
        if (bound == null) {
            throw reader.invalid("(root)", "must be a mapping");
        }
        return reader.pack(bound);
    }

    private PolicyPack pack(PolicyPackFile f) {
        String id = text(f.id(), "id");
        if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw invalid("id", "must be lower-case words joined by hyphens, was '" + id + "'");
        }
        if (named && !file.equals(id + ".yml")) {
            throw invalid("id", "must match the file name (" + file + "), was '" + id + "'");
        }
        int version = required(f.version(), "version");
        if (version < 1) {
            throw invalid("version", "must be a whole number of 1 or more, was " + version);
        }
        PolicyPackFile.Region region = required(f.region(), "region");
        String regionCode = text(region.code(), "region.code");
        if (!regionCode.matches("[1-9][0-9]{5}")) {
            throw invalid("region.code", "must be a 6-digit administrative division code, was '" + regionCode + "'");
        }
        Map<VisitType, PolicyPackFile.Visit> visitFiles = required(f.visits(), "visits");
        if (visitFiles.isEmpty()) {
            throw invalid("visits", "must define at least one visit type");
        }
        Map<VisitType, VisitRules> visits = new EnumMap<>(VisitType.class);
        visitFiles.forEach((type, v) -> visits.put(type, visit(type, required(v, "visits." + type), "visits." + type + ".")));
        return new PolicyPack(id, version, regionCode, text(region.name(), "region.name"), required(f.scheme(), "scheme"),
                required(f.effectiveFrom(), "effectiveFrom"), ratio(f.priorSelfPayRatio(), "priorSelfPayRatio"), visits,
                Optional.ofNullable(f.catastrophic()).map(c -> catastrophic(c, "catastrophic.")),
                Optional.ofNullable(f.supplementary()).map(s -> supplementary(s, "supplementary.")),
                Optional.ofNullable(f.assistance()).map(a -> assistance(a, "assistance.")),
                Optional.ofNullable(f.zeroPay()).map(z -> zeroPay(z, visits)).orElse(List.of()),
                Optional.ofNullable(f.maternityLeave()).map(m -> maternityLeave(m, "maternityLeave.")));
    }

    private MaternityLeave maternityLeave(PolicyPackFile.MaternityLeave m, String p) {
        return new MaternityLeave(days(m.baseDays(), p + "baseDays"), days(m.difficultDeliveryDays(), p + "difficultDeliveryDays"),
                days(m.perExtraBabyDays(), p + "perExtraBabyDays"),
                days(m.miscarriageBefore4MonthsDays(), p + "miscarriageBefore4MonthsDays"),
                days(m.miscarriageFrom4MonthsDays(), p + "miscarriageFrom4MonthsDays"), days(m.regionDays(), p + "regionDays"));
    }

    private int days(Integer days, String path) {
        int d = required(days, path);
        if (d < 0 || d > 365) {
            throw invalid(path, "must be a number of days from 0 to 365, was " + d);
        }
        return d;
    }

    /**
     * A delivery paid by fixed amounts (定额支付): amounts by kind of delivery and level, no deductible and no
     * ratio (the fund pays the fixed amount, not a share).
     */
    private VisitRules fixedPaymentVisit(PolicyPackFile.Visit v, String p) {
        if (v.ratio() != null) {
            throw invalid(p + "ratio", "is not taken with a fixedPayment: the fund pays the fixed amount");
        }
        if (v.deductible() != null) {
            throw invalid(p + "deductible", "is not taken with a fixedPayment: a fixed payment has no deductible");
        }
        if (v.tiltRatio() != null || v.annualCap() != null) {
            throw invalid(p + (v.tiltRatio() != null ? "tiltRatio" : "annualCap"), "is not taken with a fixedPayment");
        }
        if (v.fixedPayment().isEmpty()) {
            throw invalid(p + "fixedPayment", "must give an amount for at least one kind of delivery");
        }
        Map<DeliveryKind, Map<InstitutionLevel, Money>> fixed = new EnumMap<>(DeliveryKind.class);
        v.fixedPayment().forEach((kind, levels) -> {
            String kp = p + "fixedPayment." + kind;
            if (required(levels, kp).isEmpty()) {
                throw invalid(kp, "must give an amount for at least one institution level");
            }
            fixed.put(kind, byKey(InstitutionLevel.class, levels, (level, amount) -> positive(required(amount, kp + "." + level),
                    kp + "." + level)));
        });
        return new VisitRules(text(v.capPool(), p + "capPool"),
                Optional.ofNullable(v.deductibleBasis()).orElse(DeductibleBasis.PER_ADMISSION), Map.of(), Map.of(), Map.of(), Map.of(),
                Boolean.TRUE.equals(v.requiresCertification()),
                Optional.ofNullable(v.outOfArea()).map(o -> new OutOfAreaRules(Optional.ofNullable(o.deductible()),
                        ratio(o.filedRatioCut(), p + "outOfArea.filedRatioCut"),
                        Optional.ofNullable(o.unfiledRatioCut()).map(PolicyPackFile.Ratio::value))), fixed);
    }

    private VisitRules visit(VisitType visitType, PolicyPackFile.Visit v, String p) {
        if (v.fixedPayment() != null) {
            if (visitType != VisitType.DELIVERY) {
                throw invalid(p + "fixedPayment", "is for DELIVERY only (a fixed payment by kind of delivery)");
            }
            return fixedPaymentVisit(v, p);
        }
        Map<PersonType, Map<InstitutionLevel, PolicyPackFile.Ratio>> ratioFile = required(v.ratio(), p + "ratio");
        if (ratioFile.isEmpty()) {
            throw invalid(p + "ratio", "must give a ratio for at least one person type");
        }
        Map<PersonType, Map<InstitutionLevel, BigDecimal>> ratio = new EnumMap<>(PersonType.class);
        ratioFile.forEach((type, levels) -> ratio.put(type, byKey(InstitutionLevel.class,
                required(levels, p + "ratio." + type), (level, r) -> ratio(r, p + "ratio." + type + "." + level))));
        Map<PersonType, Map<InstitutionLevel, Money>> deductible = deductible(required(v.deductible(), p + "deductible"),
                p + "deductible", ratio.keySet());
        ratio.forEach((type, byLevel) -> {
            for (InstitutionLevel level : byLevel.keySet()) {
                if (!deductible.get(type).containsKey(level)) {
                    throw invalid(p + "deductible." + (deductible.size() > 1 ? type + "." : "") + level,
                            "is missing although a ratio is given for " + type + " at " + level);
                }
            }
        });
        Map<AssistanceCategory, BigDecimal> tilt = byKey(AssistanceCategory.class,
                Optional.ofNullable(v.tiltRatio()).orElse(Map.of()), (category, r) -> ratio(r, p + "tiltRatio." + category));
        return new VisitRules(text(v.capPool(), p + "capPool"), required(v.deductibleBasis(), p + "deductibleBasis"),
                deductible, ratio, tilt,
                Optional.ofNullable(v.annualCap()).map(c -> annualCap(c, p + "annualCap", ratio.keySet())).orElse(Map.of()),
                Optional.ofNullable(v.requiresCertification()).orElse(visitType == VisitType.CHRONIC_OUTPATIENT),
                Optional.ofNullable(v.outOfArea()).map(o -> new OutOfAreaRules(Optional.ofNullable(o.deductible()),
                        ratio(o.filedRatioCut(), p + "outOfArea.filedRatioCut"),
                        Optional.ofNullable(o.unfiledRatioCut()).map(PolicyPackFile.Ratio::value))));
    }

    /**
     * A deductible is given either by institution level for every person type, or by person type and
     * then level for each person type with a ratio.
     */
    private Map<PersonType, Map<InstitutionLevel, Money>> deductible(PolicyPackFile.Deductible d, String path,
                                                                     Set<PersonType> personTypes) {
        Map<PersonType, Map<InstitutionLevel, Money>> out = new EnumMap<>(PersonType.class);
        if (d.byPersonType().isEmpty()) {
            personTypes.forEach(t -> out.put(t, d.byLevel()));
            return out;
        }
        for (InstitutionLevel level : d.byLevel().keySet()) {
            throw invalid(path + "." + level, "mixes a level with person types; give every level under a person type");
        }
        for (PersonType type : personTypes) {
            out.put(type, required(d.byPersonType().get(type), path + "." + type,
                    "is required: deductibles are given by person type and " + type + " has a ratio"));
        }
        for (PersonType type : d.byPersonType().keySet()) {
            if (!personTypes.contains(type)) {
                throw invalid(path + "." + type, "has no ratio in this visit type");
            }
        }
        return out;
    }

    /**
     * An annual cap is one amount for everyone, or given by person type (each person type with a
     * ratio), each either one amount or by employment tier (all three tiers).
     */
    private Map<PersonType, Map<EmploymentTier, Money>> annualCap(PolicyPackFile.AnnualCap cap, String path,
                                                                 Set<PersonType> personTypes) {
        Map<PersonType, Map<EmploymentTier, Money>> out = new EnumMap<>(PersonType.class);
        if (cap.everyone() != null) {
            Money all = positive(cap.everyone(), path);
            personTypes.forEach(t -> out.put(t, everyTier(all)));
            return out;
        }
        for (PersonType type : personTypes) {
            String tp = path + "." + type;
            PolicyPackFile.TierCap byType = required(cap.byPersonType().get(type), tp,
                    "is required: caps are given by person type and " + type + " has a ratio");
            if (byType.all() != null) {
                out.put(type, everyTier(positive(byType.all(), tp)));
                continue;
            }
            if (type == PersonType.RESIDENT) {
                throw invalid(tp, "residents have no employment tier; give one amount");
            }
            Map<EmploymentTier, Money> byTier = new EnumMap<>(EmploymentTier.class);
            for (EmploymentTier tier : EmploymentTier.values()) {
                byTier.put(tier, positive(required(byType.byTier().get(tier), tp + "." + tier,
                        "is required: a cap by tier must name every tier"), tp + "." + tier));
            }
            out.put(type, byTier);
        }
        for (PersonType type : cap.byPersonType().keySet()) {
            if (!personTypes.contains(type)) {
                throw invalid(path + "." + type, "has no ratio in this visit type");
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

    private List<ZeroPayRule> zeroPay(List<PolicyPackFile.ZeroPay> files, Map<VisitType, VisitRules> visits) {
        List<ZeroPayRule> rules = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String p = "zeroPay[" + i + "].";
            PolicyPackFile.ZeroPay z = required(files.get(i), "zeroPay[" + i + "]");
            List<String> diseases = new ArrayList<>();
            for (String d : nonEmpty(z.diseases(), p + "diseases")) {
                String code = String.valueOf(d).trim().toUpperCase();
                if (!code.matches("[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?")) {
                    throw invalid(p + "diseases", "must be ICD-10 codes such as I10 or E11, was '" + d + "'");
                }
                diseases.add(code);
            }
            Set<VisitType> visitTypes = EnumSet.noneOf(VisitType.class);
            for (VisitType type : nonEmpty(z.visitTypes(), p + "visitTypes")) {
                if (type == null || !visits.containsKey(type)) {
                    throw invalid(p + "visitTypes", type + " has no rules in this pack");
                }
                visitTypes.add(type);
            }
            String capPool = text(z.capPool(), p + "capPool");
            if (visits.values().stream().anyMatch(v -> v.capPool().equals(capPool))) {
                throw invalid(p + "capPool", "must be a pool of its own, not a visit type's capped pool '" + capPool + "'");
            }
            rules.add(new ZeroPayRule(text(z.name(), p + "name"), text(z.catalog(), p + "catalog"), diseases,
                    required(z.itemClass(), p + "itemClass"), Optional.ofNullable(z.vbpOnly()).orElse(true), visitTypes, capPool));
        }
        return rules;
    }

    private CatastrophicRules catastrophic(PolicyPackFile.Catastrophic c, String p) {
        List<PolicyPackFile.Band> bandFiles = nonEmpty(c.bands(), p + "bands");
        List<CatastrophicRules.Band> bands = new ArrayList<>();
        for (int i = 0; i < bandFiles.size(); i++) {
            String bp = p + "bands[" + i + "]";
            PolicyPackFile.Band b = required(bandFiles.get(i), bp);
            boolean last = i == bandFiles.size() - 1;
            if ((b.width() != null) == last) {
                throw invalid(bp + ".width", last ? "the last band must be open-ended (no width)" : "is required for all but the last band");
            }
            bands.add(new CatastrophicRules.Band(Optional.ofNullable(b.width()).map(w -> positive(w, bp + ".width")),
                    ratio(b.ratio(), bp + ".ratio")));
        }
        Money threshold = positive(required(c.threshold(), p + "threshold"), p + "threshold");
        Map<AssistanceCategory, CatastrophicRules.Tilt> tilts = new EnumMap<>(AssistanceCategory.class);
        Optional.ofNullable(c.tilts()).orElse(Map.of()).forEach((category, tiltFile) -> {
            String tp = p + "tilts." + category;
            PolicyPackFile.Tilt t = required(tiltFile, tp);
            if ((t.threshold() != null) == (t.thresholdFactor() != null)) {
                throw invalid(tp, "needs exactly one of threshold (an amount) or thresholdFactor (a share of " + threshold + ")");
            }
            if (t.ratio() != null && t.ratioBonus() != null) {
                throw invalid(tp, "takes a ratio or a ratioBonus, not both");
            }
            Money tilted = t.threshold() != null ? positive(t.threshold(), tp + ".threshold")
                    : threshold.times(t.thresholdFactor().value(), RoundingMode.HALF_UP);
            tilts.put(category, new CatastrophicRules.Tilt(tilted, Optional.ofNullable(t.ratio()).map(PolicyPackFile.Ratio::value),
                    Optional.ofNullable(t.ratioBonus()).map(PolicyPackFile.Ratio::value), Boolean.TRUE.equals(t.noCap())));
        });
        return new CatastrophicRules(threshold, bands,
                Optional.ofNullable(c.annualCap()).map(a -> positive(a, p + "annualCap")), tilts);
    }

    private SupplementaryRules supplementary(PolicyPackFile.Supplementary s, String p) {
        return new SupplementaryRules(required(s.threshold(), p + "threshold"), ratio(s.ratio(), p + "ratio"),
                Optional.ofNullable(s.annualCap()).map(a -> positive(a, p + "annualCap")),
                Boolean.TRUE.equals(s.countsDeductible()),
                Optional.ofNullable(s.eligibleCategories()).orElse(Set.of()));
    }

    private AssistanceRules assistance(Map<AssistanceCategory, PolicyPackFile.Share> shares, String p) {
        Map<AssistanceCategory, AssistanceRules.Share> out = new EnumMap<>(AssistanceCategory.class);
        shares.forEach((category, s) -> {
            String sp = p + category + ".";
            PolicyPackFile.Share share = required(s, p + category);
            out.put(category, new AssistanceRules.Share(ratio(share.ratio(), sp + "ratio"),
                    positive(required(share.annualLimit(), sp + "annualLimit"), sp + "annualLimit"),
                    byKey(VisitType.class, Optional.ofNullable(share.ratioByVisit()).orElse(Map.of()),
                            (type, r) -> ratio(r, sp + "ratioByVisit." + type))));
        });
        return new AssistanceRules(out);
    }

    // --- what Jackson refused, in the pack's words ---

    private InvalidPolicyPackException refusal(DatabindException e) {
        String path = path(e);
        if (e instanceof UnrecognizedPropertyException u) {
            Set<String> known = new TreeSet<>();
            u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            return invalid(path, "is not a known field; expected one of " + known);
        }
        if (e instanceof PackValues.Refusal) {
            return invalid(path, e.getOriginalMessage());
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            Set<String> names = PackValues.names((Enum<?>[]) f.getTargetType().getEnumConstants());
            if (String.valueOf(e.getOriginalMessage()).startsWith("Cannot deserialize Map key")) {
                return invalid(join(path, String.valueOf(f.getValue())), "is not a known field; expected one of " + names);
            }
            return invalid(path, "must be one of " + names + ", was '" + f.getValue() + "'");
        }
        Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
        if (target != null && Temporal.class.isAssignableFrom(target)) {
            return invalid(path, "must be a date like 2019-01-01"
                    + (e instanceof InvalidFormatException f ? ", was " + f.getValue() : ""));
        }
        return invalid(path, "must be " + describe(target));
    }

    private static String describe(Class<?> target) {
        if (target == null) {
            return "of another shape";
        }
        if (target.isEnum()) {
            return "one of " + PackValues.names((Enum<?>[]) target.getEnumConstants());
        }
        if (target == Integer.class || target == int.class) {
            return "a whole number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (target == String.class) {
            return "text";
        }
        if (Collection.class.isAssignableFrom(target)) {
            return "a list";
        }
        return "a mapping";
    }

    private static String path(JacksonException e) {
        String path = FieldPaths.of(e);
        return path.isEmpty() ? "(root)" : path;
    }

    private static String join(String path, String key) {
        return path.equals("(root)") ? key : path + "." + key;
    }

    // --- what must be there ---

    private <T> T required(T value, String path) {
        return required(value, path, "is required");
    }

    private <T> T required(T value, String path, String reason) {
        if (value == null) {
            throw invalid(path, reason);
        }
        return value;
    }

    private String text(String value, String path) {
        String s = required(value, path).trim();
        if (s.isEmpty()) {
            throw invalid(path, "must not be empty");
        }
        return s;
    }

    private <T> List<T> nonEmpty(List<T> list, String path) {
        if (required(list, path).isEmpty()) {
            throw invalid(path, "must be a non-empty list");
        }
        return list;
    }

    private BigDecimal ratio(PolicyPackFile.Ratio ratio, String path) {
        return required(ratio, path).value();
    }

    private Money positive(Money money, String path) {
        if (!money.isPositive()) {
            throw invalid(path, "must be more than zero");
        }
        return money;
    }

    private <K extends Enum<K>, V, R> Map<K, R> byKey(Class<K> type, Map<K, V> in, BiFunction<K, V, R> convert) {
        Map<K, R> out = new EnumMap<>(type);
        in.forEach((k, v) -> out.put(k, convert.apply(k, v)));
        return out;
    }

    private InvalidPolicyPackException invalid(String field, String reason) {
        return new InvalidPolicyPackException(file, field, reason);
    }
}
