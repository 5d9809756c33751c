package org.yibao.city.drive;

import org.yibao.city.model.CityParameters;
import org.yibao.city.model.Encounter;
import org.yibao.city.model.Institution;
import org.yibao.city.model.Roster;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.money.Money;
import org.yibao.testsupport.client.KeepAliveHttp;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Paying the city's inpatient stays by group (issue 24). Each hospital uploads the settlement list (医保结算清单) of every
 * standing inpatient stay, its coders mapping the HIS's diagnoses and procedures to the insurance edition (医保版) of
 * ICD-10 and ICD-9-CM-3 ({@link #DIAGNOSES}, {@link #PROCEDURES}) and its bill's lines to the list's fee categories. The
 * bureau assigns its DRG pilot hospitals for the year (Zhumadian 2021: DRG at four pilot hospitals — seed; here the four
 * level 3 and 2 hospitals with the most stays), the rest paid by the region's default, DIP; builds the region's DIP table
 * and DRG weights from the year's own passed lists (ASSUMPTION: the simulated city has no earlier year to build them
 * from); prices every ended month by both methods; and once the year has ended sets each method's year rate on a budget 2%
 * under what its priced stays cost item by item (ASSUMPTION: a binding budget set from the region's own spending, so the
 * year's rate brings the rules' provisional rate — set for a real Henan prefecture's costs — to the simulated city's). What it reads
 * back: the lists' quality per institution, the year's report per institution (stays, CMI, outliers, gain or loss) and what
 * casemix announced to the fund clearing per fund — which the books check against clearing and against the report.
 */
public final class CasemixDesk {

    static final String UPLOAD = "POST /api/casemix/institutions/{code}/settlement-lists";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** ASSUMPTION: each method's year budget is 98% of what its priced stays cost item by item. */
    private static final BigDecimal BUDGET_SHARE = new BigDecimal("0.98");

    /** The HIS coders' mapping of the simulated city's diagnoses to the insurance edition of ICD-10 (医保版 2.0). */
    static final Map<String, String> DIAGNOSES = Map.ofEntries(
            Map.entry("J18", "J18.900"), Map.entry("J18.9", "J18.900"), Map.entry("N39", "N39.000"), Map.entry("N39.0", "N39.000"),
            Map.entry("I63", "I63.900"), Map.entry("I63.9", "I63.900"), Map.entry("I25", "I25.103"), Map.entry("K35", "K35.800"),
            Map.entry("S72", "S72.000"), Map.entry("C34", "C34.900"), Map.entry("K29.7", "K29.700"), Map.entry("J44.1", "J44.100"),
            Map.entry("I50.9", "I50.900"), Map.entry("Z51.1", "Z51.100"), Map.entry("C18.7", "C18.700"), Map.entry("R50", "R50.900"),
            Map.entry("O80", "O80.000"), Map.entry("O81", "O81.000"), Map.entry("O82", "O82.000"), Map.entry("O03", "O03.900"),
            Map.entry("I10", "I10.x00"), Map.entry("E11", "E11.900"));
    /** ... and of its procedures to the insurance edition of ICD-9-CM-3. */
    static final Map<String, String> PROCEDURES = Map.ofEntries(
            Map.entry("47.01", "47.0100"), Map.entry("47.09", "47.0900"), Map.entry("81.51", "81.5100"), Map.entry("81.52", "81.5200"),
            Map.entry("36.07", "36.0700"), Map.entry("00.66", "00.6600"), Map.entry("00.40", "00.4000"), Map.entry("00.41", "00.4100"),
            Map.entry("00.45", "00.4500"), Map.entry("00.46", "00.4600"), Map.entry("99.25", "99.2500"), Map.entry("74.1", "74.1x00"));

    private final Gateway gateway;
    private final CityParameters city;
    private final Duration clockOffset;

    /**
     * @param clockOffset how far casemix-service's clock runs ahead (its {@code yibao.rehearsal.clock-offset}): the run's stays
     *                    are settled today, so their months are priced, and their year settled, only by casemix rehearsed
     *                    that much later; zero for a platform on the real time
     */
    public CasemixDesk(Gateway gateway, CityParameters city, Duration clockOffset) {
        this.gateway = gateway;
        this.city = city;
        this.clockOffset = clockOffset;
    }

    /**
     * One hospital's year paid by group, yuan.
     *
     * @param method        DIP or DRG
     * @param passedPercent its lists that passed quality control (质控完成), percent of those uploaded
     * @param stays         its stays priced by its method
     * @param cmi           its case-mix index under its method's table
     * @param difference    the fund's payment by group less item by item: its gain (结余) or loss (超支)
     * @param basis         FINAL once the year's rate is set, else PROVISIONAL
     */
    public record Hospital(String institutionCode, String name, String method, long lists, long passed, BigDecimal passedPercent,
                           int stays, BigDecimal cmi, int highOutliers, int lowOutliers, Money fundPayment, Money itemFund,
                           Money difference, String basis) {
    }

    /**
     * The year's lists and payment by group.
     *
     * @param findings           the quality findings of the uploaded lists, by the field they name
     * @param announcedByFund    what casemix told clearing it changed, per pooling fund
     * @param announcedByHospital ... per institution
     * @param refusals           calls refused (none expected)
     */
    public record Outcome(long uploaded, long passed, Map<String, Long> findings, List<String> pilots, String dipTable, String drgWeights,
                          List<String> monthsPriced, long pricedDip, long pricedDrg, long notPriced, boolean yearSettled,
                          List<YearRate> yearRates, List<Hospital> hospitals, Map<String, Money> announcedByFund,
                          Map<String, Money> announcedByHospital, List<String> refusals) {
    }

    /**
     * A method's year settled: its budget, its rate (yuan a point or a weight), what the stays' standards add up to and the
     * rounding left (budget − standards), yuan.
     */
    public record YearRate(String method, Money budget, BigDecimal rate, int stays, Money standards, Money rounding) {
    }

    /** Casemix's today: the real date moved by its clock offset. */
    private LocalDate casemixToday() {
        return java.time.ZonedDateTime.now(BEIJING).plus(clockOffset).toLocalDate();
    }

    public Outcome run(List<Treatment.Stay> stays) {
        List<String> refusals = new ArrayList<>();
        int year = city.year();
        List<String> pilots = pilots(stays);
        for (String pilot : pilots) {
            Gateway.Response r = gateway.call(Setup.BUREAU, "PUT", "PUT /api/casemix/payment-methods/{year}/{institutionCode}",
                    "/api/casemix/payment-methods/" + year + "/" + pilot, "application/json", "{\"method\":\"DRG\"}", Duration.ofMinutes(1));
            refuse(refusals, "PUT /api/casemix/payment-methods " + pilot, r);
        }
        long passed = 0;
        Map<String, Long> findings = new TreeMap<>();
        try (KeepAliveHttp connection = new KeepAliveHttp(gateway.base(), null)) {
            for (Treatment.Stay stay : stays) {
                String code = stay.encounter().institution().code();
                Gateway.Response r = gateway.post(connection, stay.encounter().institution().clientId(), UPLOAD,
                        "/api/casemix/institutions/" + code + "/settlement-lists", Json.write(list(stay)));
                if (refuse(refusals, UPLOAD + " " + stay.settlementId(), r)) {
                    continue;
                }
                JsonNode answer = Json.read(r.body());
                if ("PASSED".equals(answer.path("state").asString())) {
                    passed++;
                }
                for (JsonNode f : answer.path("findings")) {
                    findings.merge(f.path("field").asString(), 1L, Long::sum);
                }
            }
        }

        LocalDate today = casemixToday();
        List<YearMonth> ended = new ArrayList<>();
        for (YearMonth m = YearMonth.of(year, 1); m.getYear() == year && m.isBefore(YearMonth.from(today)); m = m.plusMonths(1)) {
            ended.add(m);
        }
        String history = "{\"regionCode\":\"%s\",\"year\":%d,\"basisFrom\":\"%s\",\"basisTo\":\"%s\"}".formatted(Roster.CITY, year,
                city.firstDay(), LocalDate.of(year, 12, 31));
        String dipTable = build(refusals, "POST /api/casemix/dip/tables", "/api/casemix/dip/tables", history, "tableId");
        String drgWeights = build(refusals, "POST /api/casemix/drg/weights", "/api/casemix/drg/weights", history, "weightsId");
        List<Method> methods = new ArrayList<>();
        if (dipTable != null) {
            methods.add(new Method("DIP", "/api/casemix/dip/tables/" + dipTable, "/api/casemix/dip/tables/{tableId}", "/point-value"));
        }
        if (drgWeights != null) {
            methods.add(new Method("DRG", "/api/casemix/drg/weights/" + drgWeights, "/api/casemix/drg/weights/{weightsId}", "/base-rate"));
        }
        Map<String, Long> priced = new TreeMap<>();
        long notPriced = 0;
        List<String> monthsPriced = new ArrayList<>();
        for (YearMonth m : ended) {
            for (Method method : methods) {
                Gateway.Response r = gateway.postJson(Setup.BUREAU, "POST " + method.api() + "/months/{month}/pricing",
                        method.base() + "/months/" + m + "/pricing", "");
                if (refuse(refusals, method.name() + " pricing " + m, r)) {
                    continue;
                }
                JsonNode month = Json.read(r.body());
                priced.merge(method.name(), month.path("priced").asLong(), Long::sum);
                notPriced += month.path("notPricedCount").asLong();
            }
            monthsPriced.add(m.toString());
        }
        boolean yearSettled = year < today.getYear() && ended.size() == 12 && !methods.isEmpty();
        List<YearRate> yearRates = new ArrayList<>();
        for (Method method : yearSettled ? methods : List.<Method>of()) {
            YearRate rate = settleYear(refusals, method);
            yearSettled &= rate != null;
            if (rate != null) {
                yearRates.add(rate);
            }
        }
        String basis = yearSettled ? "FINAL" : "PROVISIONAL";
        Map<String, long[]> quality = quality(ended);
        // a hospital per method it was paid by (one, unless something went wrong)
        Map<String, Hospital> hospitals = new TreeMap<>();
        for (Method method : methods) {
            hospitals(method, basis, quality).forEach(h -> hospitals.put(h.institutionCode() + "/" + h.method(), h));
        }
        // a hospital whose lists were all left unpriced (failed quality control, or ungroupable) is reported by its lists alone
        quality.forEach((code, q) -> {
            String method = pilots.contains(code) ? "DRG" : "DIP";
            if (hospitals.keySet().stream().noneMatch(k -> k.startsWith(code + "/"))) {
                hospitals.put(code + "/" + method, new Hospital(code, name(code), method, q[0], q[1], percent(q), 0, BigDecimal.ZERO, 0, 0,
                        Money.ZERO, Money.ZERO, Money.ZERO, basis));
            }
        });
        Map<String, Money> byFund = new TreeMap<>();
        Map<String, Money> byHospital = new TreeMap<>();
        for (JsonNode a : Json.read(gateway.read(Setup.BUREAU, "GET /api/casemix/adjustments/{year}", "/api/casemix/adjustments/" + year
                + "?regionCode=" + Roster.CITY))) {
            Money amount = Json.money(a.get("amount"));
            byFund.merge(a.path("scheme").asString() + "_POOLING", amount, Money::plus);
            byHospital.merge(a.path("institutionCode").asString() + "/" + a.path("method").asString(), amount, Money::plus);
        }
        return new Outcome(stays.size() - refusals.stream().filter(x -> x.startsWith(UPLOAD)).count(), passed, findings, pilots, dipTable,
                drgWeights, monthsPriced, priced.getOrDefault("DIP", 0L), priced.getOrDefault("DRG", 0L), notPriced, yearSettled,
                yearRates, List.copyOf(hospitals.values()), byFund, byHospital, refusals);
    }

    /** The DRG pilots: the four level 3 and level 2 hospitals with the most standing stays. */
    private static List<String> pilots(List<Treatment.Stay> stays) {
        Map<String, Long> count = new TreeMap<>();
        stays.forEach(s -> count.merge(s.encounter().institution().code(), 1L, Long::sum));
        return Roster.INSTITUTIONS.stream().filter(i -> i.level() == InstitutionLevel.LEVEL_3 || i.level() == InstitutionLevel.LEVEL_2)
                .filter(i -> count.containsKey(i.code()))
                .sorted(Comparator.<Institution>comparingLong(i -> -count.get(i.code())).thenComparing(Institution::code))
                .limit(4).map(Institution::code).sorted().toList();
    }

    /** The settlement list of a stay as the hospital's HIS fills it in (the native API's shape). */
    static Map<String, Object> list(Treatment.Stay stay) {
        Encounter e = stay.encounter();
        LocalDate in = e.facts().admittedAt() != null ? e.facts().admittedAt().toLocalDate() : e.date();
        LocalDate out = e.facts().dischargedAt() != null ? e.facts().dischargedAt().toLocalDate() : e.date();
        List<String> diagnoses = e.diagnoses().stream().map(CasemixDesk::diagnosis).toList();
        List<Map<String, Object>> procedures = new ArrayList<>();
        LocalDate done = in.plusDays(1).isAfter(out) ? out : in.plusDays(1);
        for (String p : e.facts().procedureCodes()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("code", procedure(p));
            line.put("date", done.toString());
            line.put("main", procedures.isEmpty());
            procedures.add(line);
        }
        Map<String, Money> fees = new TreeMap<>();
        for (Encounter.Line l : e.lines()) {
            fees.merge(feeCategory(l), l.amount(), Money::plus);
        }
        List<Map<String, Object>> feeLines = new ArrayList<>();
        fees.forEach((category, amount) -> feeLines.add(Map.of("category", category, "amount", amount.toString())));
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("settlementId", stay.settlementId());
        list.put("admissionDate", in.toString());
        list.put("dischargeDate", out.toString());
        list.put("mainDiagnosis", diagnoses.get(0));
        list.put("secondaryDiagnoses", diagnoses.subList(1, diagnoses.size()));
        list.put("procedures", procedures);
        list.put("fees", feeLines);
        list.put("ventilatorHours", 0);
        list.put("newbornWeights", List.of());
        if (e.facts().departmentCode() != null) {
            list.put("department", e.facts().departmentCode());
        }
        return list;
    }

    /** A diagnosis in the insurance edition: the coders' mapping, else the code padded as the edition writes it (K29.7 → K29.700). */
    static String diagnosis(String code) {
        String mapped = DIAGNOSES.get(code);
        if (mapped != null) {
            return mapped;
        }
        return code.length() == 3 ? code + ".900" : (code + "000").substring(0, 7);
    }

    /** A procedure in the insurance edition: the coders' mapping, else padded (47.01 → 47.0100). */
    static String procedure(String code) {
        String mapped = PROCEDURES.get(code);
        return mapped != null ? mapped : (code + "0000").substring(0, 7);
    }

    /**
     * The list's fee category of a bill's line (医保结算清单 住院医疗收费项目类别), from the catalog code's first letter (X
     * western drugs, Z Chinese patent drugs, T herbal pieces, C materials) and, for a medical service, its name.
     */
    static String feeCategory(Encounter.Line line) {
        String code = line.item().code();
        String name = line.item().name();
        return switch (code.charAt(0)) {
            case 'X' -> "WESTERN_DRUG";
            case 'Z' -> "PATENT_CHINESE_DRUG";
            case 'T' -> "HERBAL_PIECES";
            case 'C' -> "MATERIAL";
            default -> name.contains("床") ? "BED" : name.contains("护理") ? "NURSING" : name.contains("CT") || name.contains("检查")
                    || name.contains("超声") || name.contains("X线") ? "EXAMINATION" : name.contains("血") || name.contains("化验")
                    || name.contains("测定") ? "LABORATORY" : name.contains("术") || name.contains("介入") ? "SURGERY"
                    : name.contains("诊察") || name.contains("诊查") ? "CONSULTATION" : "TREATMENT";
        };
    }

    private String build(List<String> refusals, String api, String path, String body, String idField) {
        Gateway.Response r = gateway.postJson(Setup.BUREAU, api, path, body);
        return refuse(refusals, api, r) ? null : Json.read(r.body()).path(idField).asString();
    }

    /** A payment method's tables as the desk calls them: its base path, the API's name for it, its year-rate route. */
    private record Method(String name, String base, String api, String yearRoute) {
    }

    /**
     * Sets a method's year rate on a budget 2% under what its priced stays cost item by item (the pooling fund's item-by-item
     * payments and what the others paid: the standard less the fund's payment by group); null when refused or nothing was
     * priced.
     */
    private YearRate settleYear(List<String> refusals, Method method) {
        Money cost = Money.ZERO;
        for (JsonNode line : Json.read(gateway.read(Setup.BUREAU, "GET " + method.api() + "/years/{year}/report",
                method.base() + "/years/" + city.year() + "/report?basis=PROVISIONAL"))) {
            if (line.path("department").isNull()) {
                cost = cost.plus(Json.money(line.get("itemFund"))).plus(Json.money(line.get("standard")))
                        .minus(Json.money(line.get("fundPayment")));
            }
        }
        if (!cost.isPositive()) {
            return null;
        }
        Money budget = Money.rounded(cost.amount().multiply(BUDGET_SHARE), RoundingMode.HALF_UP);
        Gateway.Response r = gateway.postJson(Setup.BUREAU, "POST " + method.api() + "/years/{year}" + method.yearRoute(),
                method.base() + "/years/" + city.year() + method.yearRoute(), "{\"budget\":\"" + budget + "\"}");
        if (refuse(refusals, method.name() + " year rate", r)) {
            return null;
        }
        JsonNode year = Json.read(r.body());
        return new YearRate(method.name(), budget, year.at("/pointValue/pointValue").decimalValue(), year.at("/pointValue/stays").asInt(),
                Json.money(year.get("standards")), Json.money(year.get("rounding")));
    }

    /** Lists and passed lists per institution over the ended months (by discharge date). */
    private Map<String, long[]> quality(List<YearMonth> months) {
        Map<String, long[]> out = new TreeMap<>();
        for (YearMonth m : months) {
            for (JsonNode q : Json.read(gateway.read(Setup.BUREAU, "GET /api/casemix/quality/{month}", "/api/casemix/quality/" + m
                    + "?regionCode=" + Roster.CITY))) {
                long[] n = out.computeIfAbsent(q.path("institutionCode").asString(), k -> new long[2]);
                n[0] += q.path("lists").asLong();
                n[1] += q.path("passed").asLong();
            }
        }
        return out;
    }

    private List<Hospital> hospitals(Method method, String basis, Map<String, long[]> quality) {
        List<Hospital> out = new ArrayList<>();
        for (JsonNode l : Json.read(gateway.read(Setup.BUREAU, "GET " + method.api() + "/years/{year}/report",
                method.base() + "/years/" + city.year() + "/report?basis=" + basis))) {
            if (!l.path("department").isNull()) {
                continue;
            }
            String code = l.path("institutionCode").asString();
            long[] q = quality.getOrDefault(code, new long[2]);
            out.add(new Hospital(code, name(code), method.name(), q[0], q[1], percent(q), l.path("stays").asInt(), l.path("cmi").decimalValue(),
                    l.path("highOutliers").asInt(), l.path("lowOutliers").asInt(), Json.money(l.get("fundPayment")),
                    Json.money(l.get("itemFund")), Json.money(l.get("difference")), basis));
        }
        return out;
    }

    private static String name(String code) {
        return Roster.INSTITUTIONS.stream().filter(i -> i.code().equals(code)).map(Institution::name).findFirst().orElse(code);
    }

    /** Passed lists / lists, percent, 2 decimals HALF_UP. */
    private static BigDecimal percent(long[] q) {
        return q[0] == 0 ? BigDecimal.ZERO.setScale(2) : BigDecimal.valueOf(q[1] * 100).divide(BigDecimal.valueOf(q[0]), 2, RoundingMode.HALF_UP);
    }

    /** Notes a refused call; true when it was refused. */
    private static boolean refuse(List<String> refusals, String what, Gateway.Response r) {
        if (r.ok()) {
            return false;
        }
        refusals.add(what + " " + r.status() + " " + r.body());
        return true;
    }
}
