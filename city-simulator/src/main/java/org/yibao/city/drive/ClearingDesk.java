package org.yibao.city.drive;

import org.yibao.city.model.CityParameters;
import org.yibao.city.model.Institution;
import org.yibao.city.model.Roster;
import org.yibao.contracts.money.Money;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bureau's fund clearing of the city (issue 23): the budgets of the year, each ended month's payment order of every
 * institution prepared by one clearing officer and approved by another, in order, and — once the year has ended — each
 * institution's year-end clearing on a simulated assessment score. What it reads back (each order's lines, each
 * statement's lines) is what the books check: everything settled is owed, everything owed is paid, withheld, deducted,
 * recovered or deferred, to the fen.
 */
public final class ClearingDesk {

    /** The city's two clearing officers (local-clients.yml): one prepares, the other approves. */
    public static final String PREPARER = "city-clearing-1";
    public static final String APPROVER = "city-clearing-2";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    public static final List<String> FUNDS = List.of("EMPLOYEE_POOLING", "RESIDENT_POOLING", "CATASTROPHIC", "SUPPLEMENTARY",
            "MEDICAL_ASSISTANCE", "PERSONAL_ACCOUNT");

    private final Gateway gateway;
    private final CityParameters city;
    private final Duration clockOffset;

    /**
     * @param clockOffset how far clearing-service's clock runs ahead (its {@code yibao.rehearsal.clock-offset}): the run's bills
     *                    are all settled today, so their month is paid, and their year cleared, only by a clearing
     *                    rehearsed that much later; zero for a platform on the real time
     */
    public ClearingDesk(Gateway gateway, CityParameters city, Duration clockOffset) {
        this.gateway = gateway;
        this.city = city;
        this.clockOffset = clockOffset;
    }

    /** Clearing's today: the real date moved by its clock offset. */
    private LocalDate clearingToday() {
        return java.time.ZonedDateTime.now(BEIJING).plus(clockOffset).toLocalDate();
    }

    /**
     * What clearing owes the city's institutions per fund, over the year's months and those after it up to clearing's
     * current month, yuan.
     */
    public Map<String, Money> owed() {
        Map<String, Money> owed = new TreeMap<>();
        FUNDS.forEach(f -> owed.put(f, Money.ZERO));
        YearMonth now = YearMonth.from(clearingToday());
        for (Institution i : Roster.INSTITUTIONS) {
            for (YearMonth m = YearMonth.from(city.firstDay()); !m.isAfter(now); m = m.plusMonths(1)) {
                for (JsonNode f : month(gateway, i.code(), m).path("funds")) {
                    owed.merge(f.path("fund").asString(), Json.money(f.path("owed")), Money::plus);
                }
            }
        }
        return owed;
    }

    private static JsonNode month(Gateway gateway, String institution, YearMonth m) {
        return Json.read(gateway.read(PREPARER, "GET /api/clearing/institutions/{code}/owed",
                "/api/clearing/institutions/" + institution + "/owed?period=" + m));
    }

    /**
     * One institution's fund over the year's orders, yuan.
     *
     * @param deferred what its last order deferred
     */
    public record FundYear(Money owedInPeriod, Money withheld, Money deducted, Money recovered, Money prepaymentRecovered,
                           Money paid, Money deferred, long unbalancedLines) {

        static FundYear zero() {
            return new FundYear(Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, 0);
        }

        FundYear plus(JsonNode p) {
            Money owed = Json.money(p.path("owed"));
            Money parts = Json.money(p.path("withheld")).plus(Json.money(p.path("deducted"))).plus(Json.money(p.path("recovered")))
                    .plus(Json.money(p.path("prepaymentRecovered"))).plus(Json.money(p.path("deferred"))).plus(Json.money(p.path("paid")));
            return new FundYear(owedInPeriod.plus(Json.money(p.path("owedInPeriod"))), withheld.plus(Json.money(p.path("withheld"))),
                    deducted.plus(Json.money(p.path("deducted"))), recovered.plus(Json.money(p.path("recovered"))),
                    prepaymentRecovered.plus(Json.money(p.path("prepaymentRecovered"))), paid.plus(Json.money(p.path("paid"))),
                    Json.money(p.path("deferred")), unbalancedLines + (owed.compareTo(parts) == 0 ? 0 : 1));
        }

        /** owedInPeriod = withheld + deducted + recovered + prepaymentRecovered + paid + the last deferral, to the fen. */
        public boolean balances() {
            return owedInPeriod.compareTo(withheld.plus(deducted).plus(recovered).plus(prepaymentRecovered).plus(paid).plus(deferred)) == 0;
        }
    }

    /**
     * What the clearing of the run did.
     *
     * @param months          the months paid (ended by the run's last day)
     * @param orders          orders approved by this run
     * @param approvedBefore  orders found approved by an earlier run (answered as they were)
     * @param byInstitution   per institution and fund, the year's orders summed
     * @param openOwed        per fund, what is owed in months still open (after the last paid one), yuan
     * @param budgets         the allocations set, per institution and scheme, yuan
     * @param yearEnd         per institution, the year-end statement's lines (empty while the year runs)
     * @param refusals        answers other than success, at most 20
     */
    public record Outcome(List<String> months, long orders, long approvedBefore, Map<String, Map<String, FundYear>> byInstitution,
                          Map<String, Money> openOwed, Map<String, Money> budgets, Map<String, List<JsonNode>> yearEnd,
                          List<String> refusals) {
    }

    /**
     * The months the run pays: from the year's January, each ended by clearing's today. A claim counts in the month it was
     * settled in (ADR 0023), and the run settles the year's bills today: on the real time only the months an earlier run
     * settled bills in hold claims.
     */
    public List<YearMonth> endedMonths() {
        List<YearMonth> months = new ArrayList<>();
        YearMonth now = YearMonth.from(clearingToday());
        for (YearMonth m = YearMonth.from(city.firstDay()); m.isBefore(now); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    /** Whether the year the run's bills were settled in has ended by clearing's today, so it can be cleared. */
    public boolean yearEnded() {
        return settledYear() < clearingToday().getYear();
    }

    /** The year the run's bills were settled in (today's). */
    private int settledYear() {
        return LocalDate.now(BEIJING).getYear();
    }

    public Outcome run() {
        List<YearMonth> months = endedMonths();
        List<String> refusals = new ArrayList<>();
        Map<String, Money> budgets = budgets(months, refusals);
        long orders = 0, before = 0;
        Map<String, Map<String, FundYear>> byInstitution = new TreeMap<>();
        Map<String, Money> openOwed = new TreeMap<>();
        FUNDS.forEach(f -> openOwed.put(f, Money.ZERO));
        for (Institution i : Roster.INSTITUTIONS) {
            Map<String, FundYear> funds = new LinkedHashMap<>();
            FUNDS.forEach(f -> funds.put(f, FundYear.zero()));
            for (YearMonth m : months) {
                if (!holdsEntries(month(gateway, i.code(), m))) {
                    continue;
                }
                Gateway.Response prepared = gateway.postJson(PREPARER, "POST /api/clearing/periods/{period}/payment-orders",
                        "/api/clearing/periods/" + m + "/payment-orders", "{\"institutionCode\":\"" + i.code() + "\"}");
                if (!prepared.ok()) {
                    refuse(refusals, i.code() + " " + m + " prepare: " + prepared.status() + " " + prepared.body());
                    continue;
                }
                JsonNode order = Json.read(prepared.body());
                if ("APPROVED".equals(order.path("state").asString())) {
                    before++;
                } else {
                    Gateway.Response approved = gateway.postJson(APPROVER, "POST /api/clearing/periods/{period}/payment-orders/{id}/approval",
                            "/api/clearing/periods/" + m + "/payment-orders/" + order.path("orderId").asString() + "/approval", "");
                    if (!approved.ok()) {
                        refuse(refusals, i.code() + " " + m + " approve: " + approved.status() + " " + approved.body());
                        continue;
                    }
                    order = Json.read(approved.body());
                    orders++;
                }
                for (JsonNode line : order.path("lines")) {
                    JsonNode p = line.path("payment");
                    funds.computeIfPresent(p.path("fund").asString(), (f, y) -> y.plus(p));
                }
            }
            byInstitution.put(i.code(), funds);
            YearMonth now = YearMonth.from(clearingToday());
            YearMonth firstOpen = months.isEmpty() ? YearMonth.from(city.firstDay()) : months.get(months.size() - 1).plusMonths(1);
            for (YearMonth m = firstOpen; !m.isAfter(now); m = m.plusMonths(1)) {
                for (JsonNode f : month(gateway, i.code(), m).path("funds")) {
                    openOwed.merge(f.path("fund").asString(), Json.money(f.path("owed")), Money::plus);
                }
            }
        }
        Map<String, List<JsonNode>> yearEnd = yearEnded() ? yearEnd(byInstitution.keySet(), refusals) : Map.of();
        return new Outcome(months.stream().map(YearMonth::toString).toList(), orders, before, byInstitution, openOwed, budgets, yearEnd,
                refusals);
    }

    /**
     * Whether a month holds claims, reversals or other entries (paying by group's adjustments, booked in the stays' discharge
     * month): entries netting to nothing are still paid in order.
     */
    private static boolean holdsEntries(JsonNode month) {
        for (JsonNode f : month.path("funds")) {
            if (f.path("claims").asLong(0) + f.path("reversals").asLong(0) + f.path("otherEntries").asLong(0) > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The year's budgets (总额预算), set by the bureau before the months are paid; each run sets a new version (a run on a
     * platform that already paid the months changes no closed order).
     * ASSUMPTION of the simulation: each institution's basic pooling owed in the months paid, annualised (x 12 / months),
     * x 0.90 for every other institution (over budget at the year end) and x 1.15 for the others (under it), rounded down to
     * the yuan; a bureau would allocate by history.
     */
    private Map<String, Money> budgets(List<YearMonth> months, List<String> refusals) {
        Map<String, Money> set = new TreeMap<>();
        if (months.isEmpty()) {
            return set;
        }
        int index = 0;
        for (Institution i : Roster.INSTITUTIONS) {
            BigDecimal factor = index++ % 2 == 0 ? new BigDecimal("0.90") : new BigDecimal("1.15");
            Map<String, Money> pooling = new TreeMap<>();
            for (YearMonth m : months) {
                for (JsonNode f : month(gateway, i.code(), m).path("funds")) {
                    String fund = f.path("fund").asString();
                    if (fund.endsWith("_POOLING")) {
                        pooling.merge(fund, Json.money(f.path("owed")), Money::plus);
                    }
                }
            }
            for (Map.Entry<String, Money> p : pooling.entrySet()) {
                BigDecimal annual = p.getValue().amount().multiply(BigDecimal.valueOf(12)).multiply(factor)
                        .divide(BigDecimal.valueOf(months.size()), 0, RoundingMode.DOWN);
                if (annual.signum() <= 0) {
                    continue;
                }
                String scheme = p.getKey().startsWith("EMPLOYEE") ? "EMPLOYEE" : "RESIDENT";
                Gateway.Response r = gateway.postJson(Setup.BUREAU, "POST /api/clearing/budgets", "/api/clearing/budgets",
                        "{\"institutionCode\":\"%s\",\"year\":%d,\"scheme\":\"%s\",\"annualAmount\":\"%s.00\"}"
                                .formatted(i.code(), settledYear(), scheme, annual.toPlainString()));
                if (r.ok()) {
                    set.put(i.code() + "/" + scheme, Money.of(annual));
                } else {
                    refuse(refusals, i.code() + " budget: " + r.status() + " " + r.body());
                }
            }
        }
        return set;
    }

    /**
     * The year-end clearing of each institution paid this year: an assessment score (ASSUMPTION of the simulation: 70 to 99
     * by the institution's place in the roster), then the statement prepared and approved by the two officers.
     */
    private Map<String, List<JsonNode>> yearEnd(Iterable<String> institutions, List<String> refusals) {
        Map<String, List<JsonNode>> out = new TreeMap<>();
        int index = 0;
        for (String code : institutions) {
            int score = 70 + (index++ * 7) % 30;
            Gateway.Response assessed = gateway.postJson(Setup.BUREAU, "POST /api/clearing/years/{year}/assessments",
                    "/api/clearing/years/" + settledYear() + "/assessments", "{\"institutionCode\":\"%s\",\"score\":%d}".formatted(code, score));
            if (!assessed.ok() && assessed.status() != 409) {
                refuse(refusals, code + " assessment: " + assessed.status() + " " + assessed.body());
                continue;
            }
            Gateway.Response prepared = gateway.postJson(PREPARER, "POST /api/clearing/years/{year}/clearings",
                    "/api/clearing/years/" + settledYear() + "/clearings", "{\"institutionCode\":\"" + code + "\"}");
            if (!prepared.ok()) {
                if (!prepared.body().contains("nothing to clear")) {
                    refuse(refusals, code + " year-end: " + prepared.status() + " " + prepared.body());
                }
                continue;
            }
            JsonNode statement = Json.read(prepared.body());
            if (!"APPROVED".equals(statement.path("state").asString())) {
                Gateway.Response approved = gateway.postJson(APPROVER, "POST /api/clearing/years/{year}/clearings/{id}/approval",
                        "/api/clearing/years/" + settledYear() + "/clearings/" + statement.path("clearingId").asString() + "/approval", "");
                if (!approved.ok()) {
                    refuse(refusals, code + " year-end approval: " + approved.status() + " " + approved.body());
                    continue;
                }
                statement = Json.read(approved.body());
            }
            List<JsonNode> lines = new ArrayList<>();
            statement.path("lines").forEach(lines::add);
            out.put(code, lines);
        }
        return out;
    }

    private static void refuse(List<String> refusals, String what) {
        if (refusals.size() < 20) {
            refusals.add(what.length() > 300 ? what.substring(0, 300) : what);
        }
    }
}
