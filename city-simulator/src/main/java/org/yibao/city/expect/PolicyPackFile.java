package org.yibao.city.expect;

import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.EmploymentTier;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The simulator's own reader of a policy-pack YAML file (the shapes of
 * {@code settlement-service/src/main/resources/schemas/policy-pack.schema.json}, ADR 0007): a tree read by
 * Jackson's YAML mapper and walked into {@link PolicyPack}. A key it does not know is refused, naming the
 * path, rather than ignored: a rule the simulator did not read would make its expectation silently wrong.
 */
public final class PolicyPackFile {

    private static final YAMLMapper YAML = YAMLMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final String file;

    private PolicyPackFile(String file) {
        this.file = file;
    }

    /** Reads the pack on the class path at {@code policy-packs/<id>.yml}. */
    public static PolicyPack resource(String id) {
        String path = "policy-packs/" + id + ".yml";
        try (InputStream in = PolicyPackFile.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no policy pack " + path + " on the class path");
            }
            return read(path, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PolicyPack read(String file, InputStream yaml) {
        return new PolicyPackFile(file).pack(YAML.readTree(yaml));
    }

    private PolicyPack pack(JsonNode root) {
        only(root, "", "id", "version", "region", "scheme", "effectiveFrom", "priorSelfPayRatio", "visits", "catastrophic",
                "supplementary", "assistance", "zeroPay", "maternityLeave");
        JsonNode region = required(root, "", "region");
        only(region, "region", "code", "name");
        Map<VisitType, PolicyPack.Visit> visits = new EnumMap<>(VisitType.class);
        required(root, "", "visits").properties().forEach(v -> {
            VisitType type = constant(VisitType.class, v.getKey(), "visits");
            visits.put(type, visit(v.getValue(), "visits." + v.getKey(), type));
        });
        Map<AssistanceCategory, PolicyPack.Assistance> assistance = new EnumMap<>(AssistanceCategory.class);
        if (root.has("assistance")) {
            root.get("assistance").properties().forEach(a -> {
                String path = "assistance." + a.getKey();
                only(a.getValue(), path, "ratio", "annualLimit", "ratioByVisit");
                Map<VisitType, BigDecimal> byVisit = new EnumMap<>(VisitType.class);
                if (a.getValue().has("ratioByVisit")) {
                    a.getValue().get("ratioByVisit").properties().forEach(r -> byVisit.put(
                            constant(VisitType.class, r.getKey(), path + ".ratioByVisit"), ratio(r.getValue(), path + ".ratioByVisit." + r.getKey())));
                }
                assistance.put(constant(AssistanceCategory.class, a.getKey(), "assistance"),
                        new PolicyPack.Assistance(ratio(required(a.getValue(), path, "ratio"), path + ".ratio"),
                                money(required(a.getValue(), path, "annualLimit"), path + ".annualLimit"), byVisit));
            });
        }
        return new PolicyPack(text(required(root, "", "id")), required(root, "", "version").asInt(),
                text(required(region, "region", "code")), constant(Scheme.class, text(required(root, "", "scheme")), "scheme"),
                LocalDate.parse(text(required(root, "", "effectiveFrom"))),
                ratio(required(root, "", "priorSelfPayRatio"), "priorSelfPayRatio"), Collections.unmodifiableMap(visits),
                root.has("catastrophic") ? catastrophic(root.get("catastrophic")) : null,
                root.has("supplementary") ? supplementary(root.get("supplementary")) : null,
                Collections.unmodifiableMap(assistance), root.has("zeroPay") ? root.get("zeroPay").size() : 0);
    }

    private PolicyPack.Visit visit(JsonNode v, String path, VisitType type) {
        only(v, path, "capPool", "deductibleBasis", "deductible", "ratio", "tiltRatio", "annualCap", "requiresCertification",
                "outOfArea", "fixedPayment");
        if (v.has("fixedPayment")) {
            // a delivery paid by its fixed amount (定额支付) by kind of delivery and level: no deductible, no ratio
            Map<String, Map<InstitutionLevel, Money>> fixed = new java.util.TreeMap<>();
            v.get("fixedPayment").properties().forEach(k -> fixed.put(k.getKey(),
                    byLevel(k.getValue(), path + ".fixedPayment." + k.getKey(), this::money)));
            return new PolicyPack.Visit(text(required(v, path, "capPool")), PolicyPack.DeductibleBasis.PER_ADMISSION, Map.of(),
                    Map.of(), Map.of(), null, false, null, fixed);
        }
        Map<PersonType, Map<InstitutionLevel, BigDecimal>> ratio = new EnumMap<>(PersonType.class);
        required(v, path, "ratio").properties().forEach(t -> ratio.put(constant(PersonType.class, t.getKey(), path + ".ratio"),
                byLevel(t.getValue(), path + ".ratio." + t.getKey(), this::ratio)));
        // a deductible by level alone is everyone's; otherwise it is by person type, then level
        JsonNode d = required(v, path, "deductible");
        Map<PersonType, Map<InstitutionLevel, Money>> deductible = new EnumMap<>(PersonType.class);
        boolean byLevel = d.propertyNames().stream().allMatch(k -> isConstant(InstitutionLevel.class, k));
        if (byLevel) {
            Map<InstitutionLevel, Money> everyone = byLevel(d, path + ".deductible", this::money);
            for (PersonType t : PersonType.values()) {
                deductible.put(t, everyone);
            }
        } else {
            d.properties().forEach(t -> deductible.put(constant(PersonType.class, t.getKey(), path + ".deductible"),
                    byLevel(t.getValue(), path + ".deductible." + t.getKey(), this::money)));
        }
        Map<AssistanceCategory, BigDecimal> tilt = new EnumMap<>(AssistanceCategory.class);
        if (v.has("tiltRatio")) {
            v.get("tiltRatio").properties().forEach(t -> tilt.put(constant(AssistanceCategory.class, t.getKey(), path + ".tiltRatio"),
                    ratio(t.getValue(), path + ".tiltRatio." + t.getKey())));
        }
        PolicyPack.OutOfArea outOfArea = null;
        if (v.has("outOfArea")) {
            JsonNode o = v.get("outOfArea");
            String p = path + ".outOfArea";
            only(o, p, "deductible", "filedRatioCut", "unfiledRatioCut");
            outOfArea = new PolicyPack.OutOfArea(o.has("deductible") ? money(o.get("deductible"), p + ".deductible") : null,
                    ratio(required(o, p, "filedRatioCut"), p + ".filedRatioCut"),
                    o.has("unfiledRatioCut") ? ratio(o.get("unfiledRatioCut"), p + ".unfiledRatioCut") : null);
        }
        // ADR 0007: chronic outpatient care needs a certification unless the pack says otherwise
        boolean certification = v.has("requiresCertification") ? v.get("requiresCertification").asBoolean()
                : type == VisitType.CHRONIC_OUTPATIENT;
        return new PolicyPack.Visit(text(required(v, path, "capPool")),
                constant(PolicyPack.DeductibleBasis.class, text(required(v, path, "deductibleBasis")), path + ".deductibleBasis"),
                deductible, ratio, tilt, v.has("annualCap") ? annualCap(v.get("annualCap"), path + ".annualCap") : null,
                certification, outOfArea, Map.of());
    }

    private PolicyPack.AnnualCap annualCap(JsonNode cap, String path) {
        if (!cap.isObject()) {
            return new PolicyPack.AnnualCap(money(cap, path), Map.of(), Map.of());
        }
        Map<PersonType, Money> byType = new EnumMap<>(PersonType.class);
        Map<PersonType, Map<EmploymentTier, Money>> byTier = new EnumMap<>(PersonType.class);
        cap.properties().forEach(t -> {
            PersonType type = constant(PersonType.class, t.getKey(), path);
            String p = path + "." + t.getKey();
            if (t.getValue().isObject()) {
                Map<EmploymentTier, Money> tiers = new EnumMap<>(EmploymentTier.class);
                t.getValue().properties().forEach(e -> tiers.put(constant(EmploymentTier.class, e.getKey(), p),
                        money(e.getValue(), p + "." + e.getKey())));
                byTier.put(type, tiers);
            } else {
                byType.put(type, money(t.getValue(), p));
            }
        });
        return new PolicyPack.AnnualCap(null, byType, byTier);
    }

    private PolicyPack.Catastrophic catastrophic(JsonNode c) {
        String path = "catastrophic";
        only(c, path, "threshold", "bands", "annualCap", "tilts");
        List<PolicyPack.Band> bands = new ArrayList<>();
        int n = 0;
        for (JsonNode b : required(c, path, "bands")) {
            String p = path + ".bands[" + n++ + "]";
            only(b, p, "width", "ratio");
            bands.add(new PolicyPack.Band(b.has("width") ? money(b.get("width"), p + ".width") : null,
                    ratio(required(b, p, "ratio"), p + ".ratio")));
        }
        Map<AssistanceCategory, PolicyPack.Tilt> tilts = new EnumMap<>(AssistanceCategory.class);
        if (c.has("tilts")) {
            c.get("tilts").properties().forEach(t -> {
                String p = path + ".tilts." + t.getKey();
                JsonNode v = t.getValue();
                only(v, p, "threshold", "thresholdFactor", "ratio", "ratioBonus", "noCap");
                tilts.put(constant(AssistanceCategory.class, t.getKey(), path + ".tilts"), new PolicyPack.Tilt(
                        v.has("threshold") ? money(v.get("threshold"), p + ".threshold") : null,
                        v.has("thresholdFactor") ? ratio(v.get("thresholdFactor"), p + ".thresholdFactor") : null,
                        v.has("ratio") ? ratio(v.get("ratio"), p + ".ratio") : null,
                        v.has("ratioBonus") ? ratio(v.get("ratioBonus"), p + ".ratioBonus") : null,
                        v.has("noCap") && v.get("noCap").asBoolean()));
            });
        }
        return new PolicyPack.Catastrophic(money(required(c, path, "threshold"), path + ".threshold"), List.copyOf(bands),
                c.has("annualCap") ? money(c.get("annualCap"), path + ".annualCap") : null, tilts);
    }

    private PolicyPack.Supplementary supplementary(JsonNode s) {
        String path = "supplementary";
        only(s, path, "threshold", "ratio", "annualCap", "countsDeductible", "eligibleCategories");
        Set<AssistanceCategory> eligible = EnumSet.noneOf(AssistanceCategory.class);
        if (s.has("eligibleCategories")) {
            for (JsonNode c : s.get("eligibleCategories")) {
                eligible.add(constant(AssistanceCategory.class, text(c), path + ".eligibleCategories"));
            }
        }
        return new PolicyPack.Supplementary(money(required(s, path, "threshold"), path + ".threshold"),
                ratio(required(s, path, "ratio"), path + ".ratio"),
                s.has("annualCap") ? money(s.get("annualCap"), path + ".annualCap") : null,
                !s.has("countsDeductible") || s.get("countsDeductible").asBoolean(), eligible);
    }

    private <T> Map<InstitutionLevel, T> byLevel(JsonNode node, String path, java.util.function.BiFunction<JsonNode, String, T> value) {
        Map<InstitutionLevel, T> out = new EnumMap<>(InstitutionLevel.class);
        node.properties().forEach(l -> out.put(constant(InstitutionLevel.class, l.getKey(), path),
                value.apply(l.getValue(), path + "." + l.getKey())));
        return out;
    }

    /** Yuan written as a quoted string (or a whole number), at most 2 decimals. */
    private Money money(JsonNode node, String path) {
        if (!node.isString() && !node.isIntegralNumber()) {
            throw refused(path, "an amount must be quoted yuan, such as \"200.00\", was " + node);
        }
        try {
            Money m = Money.of(new BigDecimal(node.asString()));
            if (m.isNegative()) {
                throw refused(path, "an amount may not be negative");
            }
            return m;
        } catch (IllegalArgumentException e) {
            throw refused(path, e.getMessage());
        }
    }

    /** A ratio from 0 to 1, exact as written. */
    private BigDecimal ratio(JsonNode node, String path) {
        BigDecimal r = node.isNumber() ? node.decimalValue() : node.isString() ? new BigDecimal(node.asString()) : null;
        if (r == null || r.signum() < 0 || r.compareTo(BigDecimal.ONE) > 0) {
            throw refused(path, "a ratio must be a number from 0 to 1, was " + node);
        }
        return r;
    }

    private String text(JsonNode node) {
        return node.asString();
    }

    private JsonNode required(JsonNode node, String path, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw refused(path.isEmpty() ? key : path + "." + key, "is missing");
        }
        return v;
    }

    private void only(JsonNode node, String path, String... keys) {
        List<String> known = List.of(keys);
        for (String k : node.propertyNames()) {
            if (!known.contains(k)) {
                throw refused(path.isEmpty() ? k : path + "." + k, "is not a field the simulator's own reading of packs knows;"
                        + " expected one of " + known);
            }
        }
    }

    private <E extends Enum<E>> E constant(Class<E> type, String name, String path) {
        if (!isConstant(type, name)) {
            throw refused(path + "." + name, "is not a " + type.getSimpleName());
        }
        return Enum.valueOf(type, name);
    }

    private static <E extends Enum<E>> boolean isConstant(Class<E> type, String name) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private IllegalArgumentException refused(String path, String reason) {
        return new IllegalArgumentException(file + ": " + path + ": " + reason);
    }
}
