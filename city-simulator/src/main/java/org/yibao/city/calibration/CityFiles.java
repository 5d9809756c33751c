package org.yibao.city.calibration;

import org.yibao.city.model.CareProfile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads and checks a calibrated city's parameter file ({@link CityFile}): bound by Jackson (unknown keys refused; in
 * {@code population} and {@code care} every knob must be written, none left to a silent default), then checked field
 * by field. Every refusal is an {@link InvalidCityFileException} naming the file and the field path
 * ({@code care.inpatientLevels}, {@code outcomes[2].seedValue}) and what is wrong.
 */
public final class CityFiles {

    /** The seed cities, each a file {@code calibration/cities/<id>.yml}. */
    public static final List<String> SEED_CITIES = List.of("jiangjin-2023", "hohhot-2022", "zhumadian-2021", "yangjiang-2019",
            "pingdingshan-2020");

    private static final ObjectMapper LENIENT_ABOUT_MISSING = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    /** For the knobs: each must be written (a knob left out would be the JVM's 0, not the default city's value). */
    private static final ObjectMapper EVERY_KNOB = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final String file;

    private CityFiles(String file) {
        this.file = file;
    }

    /** A seed city's file on the class path. */
    public static CityFile resource(String city) {
        String path = "calibration/cities/" + city + ".yml";
        try (InputStream in = CityFiles.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new InvalidCityFileException(path, "(file)", "no such file on the class path");
            }
            return read(city + ".yml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a city file's text.
     *
     * @param file the file's name ({@code <city>.yml}): the city's id must match it
     * @throws InvalidCityFileException naming the field, when the text is not a valid city file
     */
    public static CityFile read(String file, String yaml) {
        return new CityFiles(file).read(yaml);
    }

    private CityFile read(String yaml) {
        JsonNode root;
        try {
            root = LENIENT_ABOUT_MISSING.readTree(yaml);
        } catch (JacksonException e) {
            throw invalid("(file)", "is not valid YAML: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw invalid("(root)", "must be a mapping");
        }
        ObjectNode rest = ((ObjectNode) root).deepCopy();
        JsonNode population = rest.remove("population");
        JsonNode care = rest.remove("care");
        CityFile shell = bind(LENIENT_ABOUT_MISSING, rest, CityFile.class, "");
        CareProfile.Population p = bind(EVERY_KNOB, required(population, "population"), CareProfile.Population.class, "population");
        CareProfile.Care c = bind(EVERY_KNOB, required(care, "care"), CareProfile.Care.class, "care");
        CityFile f = new CityFile(shell.city(), shell.name(), shell.regionCode(), shell.year(), shell.seedFile(), shell.packs(), p, c,
                shell.why() == null ? Map.of() : shell.why(), shell.outcomes());
        check(f);
        return f;
    }

    private <T> T bind(ObjectMapper mapper, JsonNode node, Class<T> type, String prefix) {
        try {
            return mapper.treeToValue(node, type);
        } catch (DatabindException e) {
            String path = path(e);
            String where = prefix.isEmpty() ? (path.isEmpty() ? "(root)" : path) : path.isEmpty() ? prefix : prefix + "." + path;
            throw invalid(where, reason(e));
        }
    }

    private static String reason(DatabindException e) {
        if (e instanceof tools.jackson.databind.exc.UnrecognizedPropertyException u) {
            return "is not a field of a city file; expected one of " + u.getKnownPropertyIds();
        }
        String m = e.getOriginalMessage();
        if (m != null && m.startsWith("Missing") && m.contains("creator property")) {
            return "is missing (every knob of population and care is written, see the default city in docs/calibration.md)";
        }
        return m == null ? "is not valid" : m.split("\n")[0];
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            } else if (r.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getPropertyName());
            }
        }
        return path.toString();
    }

    // --- what must hold ---

    private void check(CityFile f) {
        String city = text(f.city(), "city");
        if (!city.matches("[a-z]+(-[a-z0-9]+)*")) {
            throw invalid("city", "must be lower-case words joined by hyphens, was '" + city + "'");
        }
        if (!file.equals(city + ".yml")) {
            throw invalid("city", "must match the file name (" + file + "), was '" + city + "'");
        }
        text(f.name(), "name");
        if (!text(f.regionCode(), "regionCode").matches("[1-8][0-9]{5}")) {
            throw invalid("regionCode", "must be a six-digit division code, was '" + f.regionCode() + "'");
        }
        int year = required(f.year(), "year");
        if (year < 2015 || year > 2100) {
            throw invalid("year", "must be a year from 2015, was " + year);
        }
        if (!text(f.seedFile(), "seedFile").matches("seeds/[0-9a-z_]+\\.txt")) {
            throw invalid("seedFile", "must name a seed report as seeds/<file>.txt, was '" + f.seedFile() + "'");
        }
        List<CityFile.Pack> packs = required(f.packs(), "packs");
        if (packs.isEmpty()) {
            throw invalid("packs", "must list at least one policy pack");
        }
        for (int i = 0; i < packs.size(); i++) {
            text(required(packs.get(i), "packs[" + i + "]").id(), "packs[" + i + "].id");
        }
        population(f.population());
        care(f.care());
        why(f);
        List<CityFile.Outcome> outcomes = required(f.outcomes(), "outcomes");
        if (outcomes.isEmpty()) {
            throw invalid("outcomes", "must list at least one published outcome");
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            outcome(required(outcomes.get(i), "outcomes[" + i + "]"), "outcomes[" + i + "]", ids);
        }
    }

    private void population(CareProfile.Population p) {
        share(p.employeeActiveShare(), "population.employeeActiveShare");
        share(p.employeeRetiredShare(), "population.employeeRetiredShare");
        share(p.notEnrolledShare(), "population.notEnrolledShare");
        CareProfile.CategoryShares c = p.categories();
        double sum = 0;
        for (Map.Entry<String, Double> e : components(c).entrySet()) {
            sum += share(e.getValue(), "population.categories." + e.getKey());
        }
        if (sum > 1) {
            throw invalid("population.categories", "the shares add up to more than 1 (" + sum + ")");
        }
        CareProfile.ChronicShares ch = p.chronic();
        sum = 0;
        for (Map.Entry<String, Double> e : components(ch).entrySet()) {
            sum += share(e.getValue(), "population.chronic." + e.getKey());
        }
        if (sum > 1) {
            throw invalid("population.chronic", "the shares add up to more than 1 (" + sum + ")");
        }
    }

    private void care(CareProfile.Care c) {
        rates(c.outpatient(), "care.outpatient", 50);
        rates(c.pharmacy(), "care.pharmacy", 50);
        rates(c.admission(), "care.admission", 1);
        share(c.secondStay(), "care.secondStay");
        share(c.bloodTest(), "care.bloodTest");
        share(c.ct(), "care.ct");
        share(c.selfPaidDrug(), "care.selfPaidDrug");
        share(c.lungCancer(), "care.lungCancer");
        share(c.specialBed(), "care.specialBed");
        levels(c.outpatientLevels(), "care.outpatientLevels");
        levels(c.inpatientLevels(), "care.inpatientLevels");
        if (c.inpatientLevels().community() != 0) {
            throw invalid("care.inpatientLevels.community", "must be 0: the roster's community health centres take no stays");
        }
        perVisit(c.stay().classA(), c.stay().classB(), c.stay().classC(), "care.stay");
        perVisit(c.outpatientExtras().classA(), c.outpatientExtras().classB(), c.outpatientExtras().classC(), "care.outpatientExtras");
        perVisit(c.chronicExtras().classA(), c.chronicExtras().classB(), c.chronicExtras().classC(), "care.chronicExtras");
    }

    private void rates(CareProfile.Rates r, String path, double max) {
        for (Map.Entry<String, Double> e : components(r).entrySet()) {
            double v = e.getValue();
            if (!(v >= 0 && v <= max)) {
                throw invalid(path + "." + e.getKey(), "must be from 0 to " + max + " a person a year, was " + v);
            }
        }
    }

    private void levels(CareProfile.LevelShares l, String path) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<String, Double> e : components(l).entrySet()) {
            sum = sum.add(BigDecimal.valueOf(share(e.getValue(), path + "." + e.getKey())));
        }
        if (sum.compareTo(BigDecimal.ONE) != 0) {
            throw invalid(path, "the shares must add up to 1, were " + sum.toPlainString());
        }
    }

    private void perVisit(CareProfile.ByLevel a, CareProfile.ByLevel b, CareProfile.ByLevel c, String path) {
        amounts(a, path + ".classA");
        amounts(b, path + ".classB");
        amounts(c, path + ".classC");
    }

    private void amounts(CareProfile.ByLevel byLevel, String path) {
        for (Map.Entry<String, Object> e : values(byLevel).entrySet()) {
            BigDecimal v = (BigDecimal) e.getValue();
            if (v.signum() < 0 || v.stripTrailingZeros().scale() > 2 || v.compareTo(new BigDecimal("100000")) > 0) {
                throw invalid(path + "." + e.getKey(), "must be yuan from 0 to 100000 with at most 2 decimals, was " + v.toPlainString());
            }
        }
    }

    /** Every knob set away from the default city's value has its reason; every reason names a knob. */
    private void why(CityFile f) {
        Map<String, Object> knobs = new LinkedHashMap<>();
        Map<String, Object> defaults = new LinkedHashMap<>();
        leaves("population", f.population(), knobs);
        leaves("care", f.care(), knobs);
        leaves("population", CareProfile.DEFAULT.population(), defaults);
        leaves("care", CareProfile.DEFAULT.care(), defaults);
        for (Map.Entry<String, String> w : f.why().entrySet()) {
            String key = w.getKey();
            if (knobs.keySet().stream().noneMatch(k -> k.equals(key) || k.startsWith(key + "."))) {
                throw invalid("why." + key, "names no knob of population or care");
            }
            if (w.getValue() == null || w.getValue().isBlank()) {
                throw invalid("why." + key, "must say why the value is plausible for the city");
            }
        }
        for (Map.Entry<String, Object> k : knobs.entrySet()) {
            if (!equal(k.getValue(), defaults.get(k.getKey())) && reasonFor(f.why(), k.getKey()) == null) {
                throw invalid("why", "must give a reason for " + k.getKey() + " (" + k.getValue() + ", the default city's "
                        + defaults.get(k.getKey()) + ")");
            }
        }
    }

    /** The reason given for a knob: its own, or its nearest parent's. */
    static String reasonFor(Map<String, String> why, String knob) {
        for (String path = knob; ; path = path.substring(0, path.lastIndexOf('.'))) {
            if (why.containsKey(path)) {
                return why.get(path);
            }
            if (!path.contains(".")) {
                return null;
            }
        }
    }

    private static boolean equal(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    /** Every knob beneath a record, by its path, with its value. */
    static void leaves(String path, Object value, Map<String, Object> out) {
        if (value != null && value.getClass().isRecord()) {
            values(value).forEach((name, v) -> leaves(path + "." + name, v, out));
        } else {
            out.put(path, value);
        }
    }

    private static Map<String, Object> values(Object record) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            try {
                out.put(c.getName(), c.getAccessor().invoke(record));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    private static Map<String, Double> components(Object record) {
        Map<String, Double> out = new LinkedHashMap<>();
        values(record).forEach((k, v) -> out.put(k, (Double) v));
        return out;
    }

    private void outcome(CityFile.Outcome o, String path, List<String> ids) {
        String id = text(o.id(), path + ".id");
        if (ids.contains(id)) {
            throw invalid(path + ".id", "'" + id + "' is listed twice");
        }
        ids.add(id);
        text(o.label(), path + ".label");
        text(o.quote(), path + ".quote");
        BigDecimal seed = required(o.seedValue(), path + ".seedValue");
        CityFile.Unit unit = required(o.unit(), path + ".unit");
        CityFile.Metric metric = required(o.metric(), path + ".metric");
        if (seed.signum() < 0 || (unit == CityFile.Unit.PERCENT && seed.compareTo(new BigDecimal("1000")) > 0)) {
            throw invalid(path + ".seedValue", "must be a figure from 0 (a percentage at most 1000), was " + seed.toPlainString());
        }
        boolean percent = switch (metric) {
            case POLICY_SCOPE_RATIO, ACTUAL_RATIO, SHARE_OF_ENROLLED -> true;
            case FUND_PER_ENROLLEE, COST_PER_BILL, FUND_PER_PAID_BILL -> false;
            case BILLS_PER_ENROLLEE -> false;
            case NOT_MODELLED -> unit == CityFile.Unit.PERCENT;
        };
        if (percent != (unit == CityFile.Unit.PERCENT) || (metric == CityFile.Metric.BILLS_PER_ENROLLEE && unit != CityFile.Unit.PER_PERSON)) {
            throw invalid(path + ".unit", unit + " is not the unit of " + metric);
        }
        boolean needsFunds = metric == CityFile.Metric.POLICY_SCOPE_RATIO || metric == CityFile.Metric.ACTUAL_RATIO
                || metric == CityFile.Metric.FUND_PER_ENROLLEE || metric == CityFile.Metric.FUND_PER_PAID_BILL;
        if (needsFunds) {
            if (o.funds() == null || o.funds().isEmpty()) {
                throw invalid(path + ".funds", "must list the funds " + metric + " counts");
            }
            text(o.fundsWhy(), path + ".fundsWhy");
        }
        if (metric == CityFile.Metric.NOT_MODELLED && (o.gap() == null || o.gap().isBlank())) {
            throw invalid(path + ".gap", "must explain why the simulator does not model it");
        }
        if (o.tolerance() != null && (o.tolerance().signum() <= 0 || o.tolerance().compareTo(BigDecimal.TEN) > 0)) {
            throw invalid(path + ".tolerance", "must be above 0 and at most 10, was " + o.tolerance().toPlainString());
        }
        CityFile.Scope s = o.scope();
        if (s != null && s.minTotal() != null && s.maxTotal() != null && s.minTotal().compareTo(s.maxTotal()) >= 0) {
            throw invalid(path + ".scope.maxTotal", "must be above minTotal");
        }
    }

    private double share(double v, String path) {
        if (!(v >= 0 && v <= 1)) {
            throw invalid(path, "must be a share from 0 to 1, was " + v);
        }
        return v;
    }

    private String text(String v, String path) {
        if (v == null || v.isBlank()) {
            throw invalid(path, "is required");
        }
        return v;
    }

    private <T> T required(T v, String path) {
        if (v == null || (v instanceof JsonNode n && n.isNull())) {
            throw invalid(path, "is required");
        }
        return v;
    }

    private InvalidCityFileException invalid(String path, String reason) {
        return new InvalidCityFileException(file, path, reason);
    }
}
