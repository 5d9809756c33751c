package org.yibao.city.drive;

import org.yibao.city.expect.CarePolicy;
import org.yibao.city.model.Benefits;
import org.yibao.city.model.CityGenerator;
import org.yibao.city.model.CityParameters;
import org.yibao.city.model.Person;
import org.yibao.city.model.Roster;
import org.yibao.contracts.events.CareLevel;
import org.yibao.contracts.events.CareSetting;
import org.yibao.contracts.money.Money;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The city's long-term care insurance (长期护理保险, ADR 0021), driven through the gateway as its people do it: the
 * bureau registers the care institutions; a care officer takes each application; an assessor scores the Barthel
 * index; the officer (never the assessor) decides; each institution bills the ended months of its
 * beneficiaries; the bureau runs home care for each ended month. Beside each call the simulator prices every
 * payment itself from its own reading of the policy file ({@link CarePolicy}): what the books compare.
 */
public final class CareDesk {

    /** The care officer: the bureau's client (CARE_OFFICER among its roles). */
    static final String OFFICER = Setup.BUREAU;
    /** The disability assessor: a client of its own, so that the officer who decides is never the assessor. */
    static final String ASSESSOR = "city-care-assessor";

    /** One payment the simulator expects: whose, which month and setting, the days and the money. */
    public record Expected(String personId, YearMonth month, CareSetting setting, CareLevel level, int days, Money standardAmount,
                           Money fundPaid, Money personShare) {
    }

    /**
     * @param assessments    assessments recorded, by level found
     * @param decisions      decisions by outcome (approved / refused as not eligible)
     * @param beneficiaries  approved, by level
     * @param expected       the payments the simulator priced itself
     * @param answered       the payments care-service answered (bills' and home-care runs' figures for the city's months)
     * @param refusals       calls refused, with the answer (none expected)
     */
    public record Outcome(Map<String, Long> assessments, Map<String, Long> decisions, Map<String, Long> beneficiaries,
                          List<Expected> expected, Map<String, Money> answered, List<String> refusals) {
    }

    private final Gateway gateway;
    private final CityParameters city;
    private final CarePolicy policy;

    public CareDesk(Gateway gateway, CityParameters city, CarePolicy policy) {
        this.gateway = gateway;
        this.city = city;
        this.policy = policy;
    }

    /** The months whose care is paid in this run: from the first of the year, each that has ended by the last day. */
    public List<YearMonth> endedMonths() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(city.firstDay()); !m.atEndOfMonth().isAfter(city.lastDay()); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    /** The bureau registers the city's care institutions (a 409: registered by an earlier run). */
    public void institutions() {
        for (Benefits.CareInstitution c : Benefits.CARE_INSTITUTIONS) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("institutionCode", c.code());
            body.put("name", c.name());
            body.put("regionCode", c.regionCode());
            body.put("settings", List.of("INSTITUTION"));
            Gateway.Response r = gateway.postJson(OFFICER, "POST /api/care/institutions", "/api/care/institutions", Json.write(body));
            if (r.status() != 409) {
                Setup.expect(r, "care institution " + c.code());
            }
        }
    }

    /** A beneficiary as the simulator knows them. */
    private record Beneficiary(Person person, Benefits.CarePlan plan, CareLevel level) {
    }

    public Outcome run(CityGenerator generator) {
        Benefits benefits = new Benefits(generator);
        Map<String, Long> assessments = new TreeMap<>();
        Map<String, Long> decisions = new TreeMap<>();
        Map<String, Long> byLevel = new TreeMap<>();
        List<String> refusals = new ArrayList<>();
        List<Beneficiary> beneficiaries = new ArrayList<>();
        for (int i = 0; i < city.persons(); i++) {
            Person p = generator.person(i);
            Benefits.CarePlan plan = benefits.care(p);
            if (plan == null) {
                continue;
            }
            Map<String, Object> apply = new LinkedHashMap<>();
            apply.put("personId", p.id().value());
            apply.put("setting", plan.setting().name());
            if (plan.institution() != null) {
                apply.put("institutionCode", plan.institution().code());
            }
            apply.put("appliedOn", plan.appliedOn().toString());
            Gateway.Response applied = gateway.postJson(OFFICER, "POST /api/care/applications", "/api/care/applications", Json.write(apply));
            if (!applied.ok()) {
                refusals.add("application of " + p.id().value() + ": " + applied.status() + " " + applied.body());
                continue;
            }
            String id = Json.read(applied.body()).path("applicationId").asString();
            Map<String, Integer> scores = scores(plan.barthelTotal());
            CareLevel level = policy.level(scores.values().stream().mapToInt(Integer::intValue).sum());
            Gateway.Response assessed = gateway.postJson(ASSESSOR, "POST /api/care/applications/{id}/assessment",
                    "/api/care/applications/" + id + "/assessment", Json.write(Map.of("scale", "BARTHEL", "scores", scores,
                            "assessedOn", plan.assessedOn().toString())));
            if (!assessed.ok()) {
                refusals.add("assessment of " + p.id().value() + ": " + assessed.status() + " " + assessed.body());
                continue;
            }
            assessments.merge(level.name(), 1L, Long::sum);
            String found = Json.read(assessed.body()).at("/assessment/level").asString();
            if (!level.name().equals(found)) {
                refusals.add("assessment of " + p.id().value() + ": the simulator's scale gives " + level + ", care-service's " + found);
            }
            boolean eligible = policy.eligible(level);
            Map<String, Object> decide = new LinkedHashMap<>();
            decide.put("approved", eligible);
            if (!eligible) {
                decide.put("reason", "assessed " + level + ": not a level the region's policy pays");
            }
            Gateway.Response decided = gateway.postJson(OFFICER, "POST /api/care/applications/{id}/decision",
                    "/api/care/applications/" + id + "/decision", Json.write(decide));
            if (!decided.ok()) {
                refusals.add("decision on " + p.id().value() + ": " + decided.status() + " " + decided.body());
                continue;
            }
            decisions.merge(eligible ? "approved" : "refused (not an eligible level)", 1L, Long::sum);
            if (eligible) {
                byLevel.merge(level.name(), 1L, Long::sum);
                beneficiaries.add(new Beneficiary(p, plan, level));
            }
        }

        List<Expected> expected = new ArrayList<>();
        Map<String, Money> answered = new TreeMap<>();
        for (YearMonth month : endedMonths()) {
            // each institution bills its beneficiaries' days of the month
            for (Benefits.CareInstitution c : Benefits.CARE_INSTITUTIONS) {
                List<Map<String, Object>> lines = new ArrayList<>();
                for (Beneficiary b : beneficiaries) {
                    if (b.plan().institution() == null || !b.plan().institution().code().equals(c.code())) {
                        continue;
                    }
                    Expected e = expect(b, month);
                    if (e == null) {
                        continue;
                    }
                    expected.add(e);
                    lines.add(Map.of("personId", e.personId(), "from", first(b, month).toString(), "to", month.atEndOfMonth().toString()));
                }
                if (lines.isEmpty()) {
                    continue;
                }
                Gateway.Response r = gateway.postJson(c.clientId(), "POST /api/care/institutions/{code}/bills",
                        "/api/care/institutions/" + c.code() + "/bills", Json.write(Map.of("month", month.toString(), "lines", lines)));
                if (r.ok()) {
                    answered.merge("INSTITUTION", Json.money(Json.read(r.body()).get("fundPaid")), Money::plus);
                } else if (r.status() != 409) {
                    refusals.add("bill of " + c.code() + " for " + month + ": " + r.status() + " " + r.body());
                }
            }
            // the bureau pays home care for the month
            for (Beneficiary b : beneficiaries) {
                if (b.plan().setting() == CareSetting.HOME) {
                    Expected e = expect(b, month);
                    if (e != null) {
                        expected.add(e);
                    }
                }
            }
            Gateway.Response r = gateway.postJson(OFFICER, "POST /api/care/home-care-runs/{month}", "/api/care/home-care-runs/" + month, "{}");
            if (r.ok()) {
                answered.merge("HOME (every region's)", Json.money(Json.read(r.body()).get("fundPaid")), Money::plus);
            } else {
                refusals.add("home-care run of " + month + ": " + r.status() + " " + r.body());
            }
        }
        return new Outcome(assessments, decisions, byLevel, expected, answered, refusals);
    }

    private static LocalDate first(Beneficiary b, YearMonth month) {
        return b.plan().assessedOn().isAfter(month.atDay(1)) ? b.plan().assessedOn() : month.atDay(1);
    }

    /** The month's payment the simulator expects, or null when the benefit (from the assessment's day) has not begun. */
    private Expected expect(Beneficiary b, YearMonth month) {
        if (b.plan().assessedOn().isAfter(month.atEndOfMonth())) {
            return null;
        }
        LocalDate from = first(b, month);
        CarePolicy.Month priced = policy.price(b.plan().setting(), b.level(), from, month.atEndOfMonth());
        return new Expected(b.person().id().value(), month, b.plan().setting(), b.level(), priced.days(), priced.standardAmount(),
                priced.fundPaid(), priced.personShare());
    }

    /**
     * Item scores that add up to the total, from the scale's own items and allowed scores as the simulator read them:
     * each item in the file's order gets the highest allowed score that still fits.
     */
    Map<String, Integer> scores(int total) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        int left = total;
        for (Map.Entry<String, List<Integer>> item : policy.items().entrySet()) {
            int fit = 0;
            for (int s : item.getValue()) {
                if (s <= left && s > fit) {
                    fit = s;
                }
            }
            scores.put(item.getKey(), fit);
            left -= fit;
        }
        if (left != 0) {
            throw new IllegalArgumentException("no scores of the scale add up to " + total);
        }
        return scores;
    }

    /** care-service's month report for the city: assessments, beneficiaries and payments by setting. */
    public record Month(long assessments, long beneficiaries, Map<String, Long> byLevel, Map<String, Long> payments,
                        Map<String, Money> fundPaid, Map<String, Money> standardAmount) {

        Month minus(Month o) {
            Map<String, Long> levels = new TreeMap<>(byLevel);
            o.byLevel.forEach((k, v) -> levels.merge(k, -v, Long::sum));
            Map<String, Long> count = new TreeMap<>(payments);
            o.payments.forEach((k, v) -> count.merge(k, -v, Long::sum));
            Map<String, Money> fund = new TreeMap<>(fundPaid);
            o.fundPaid.forEach((k, v) -> fund.merge(k, v.negate(), Money::plus));
            Map<String, Money> standard = new TreeMap<>(standardAmount);
            o.standardAmount.forEach((k, v) -> standard.merge(k, v.negate(), Money::plus));
            return new Month(assessments - o.assessments, beneficiaries - o.beneficiaries, levels, count, fund, standard);
        }
    }

    /** The reports of the months of the year up to the last day's, read as the bureau reads them. */
    public static Map<YearMonth, Month> reports(Gateway gateway, CityParameters city) {
        Map<YearMonth, Month> out = new TreeMap<>();
        for (YearMonth m = YearMonth.from(city.firstDay()); !m.isAfter(YearMonth.from(city.lastDay())); m = m.plusMonths(1)) {
            JsonNode r = Json.read(gateway.read(OFFICER, "GET /api/care/reports/{month}", "/api/care/reports/" + m + "?region=" + Roster.CITY));
            Map<String, Long> levels = new TreeMap<>();
            r.path("beneficiariesByLevel").properties().forEach(e -> levels.put(e.getKey(), e.getValue().asLong()));
            Map<String, Long> count = new TreeMap<>();
            Map<String, Money> fund = new TreeMap<>();
            Map<String, Money> standard = new TreeMap<>();
            r.path("payments").properties().forEach(e -> {
                count.put(e.getKey(), e.getValue().path("count").asLong());
                fund.put(e.getKey(), Json.money(e.getValue().get("fundPaid")));
                standard.put(e.getKey(), Json.money(e.getValue().get("standardAmount")));
            });
            out.put(m, new Month(r.path("assessments").asLong(), r.path("beneficiaries").asLong(), levels, count, fund, standard));
        }
        return out;
    }

    /** What changed in each month's report from {@code before} to {@code after}. */
    public static Map<YearMonth, Month> since(Map<YearMonth, Month> after, Map<YearMonth, Month> before) {
        Map<YearMonth, Month> out = new TreeMap<>();
        Month none = new Month(0, 0, Map.of(), Map.of(), Map.of(), Map.of());
        after.forEach((m, a) -> out.put(m, a.minus(before.getOrDefault(m, none))));
        return out;
    }

    /** The simulator's own expectation of each month's report figures: payments per setting. */
    public static Map<String, Money> expectedFund(List<Expected> expected) {
        Map<String, Money> out = new TreeMap<>();
        expected.forEach(e -> out.merge(e.setting().name(), e.fundPaid(), Money::plus));
        return out;
    }

    static Map<CareSetting, Long> count(List<Expected> expected) {
        Map<CareSetting, Long> out = new EnumMap<>(CareSetting.class);
        expected.forEach(e -> out.merge(e.setting(), 1L, Long::sum));
        return out;
    }
}
