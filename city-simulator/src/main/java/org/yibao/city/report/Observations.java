package org.yibao.city.report;

import org.yibao.city.drive.Gateway;
import org.yibao.city.drive.Json;
import org.yibao.city.drive.Setup;
import org.yibao.city.model.Roster;
import org.yibao.contracts.money.Money;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the services themselves report about the city's region and year, read through the gateway as
 * the bureau's staff read it: enrollment's statistics, settlement's fund spending, assistance's report
 * by category, procurement's batch reports and the month's poverty-risk warnings. Taken before and
 * after a run, the difference is what the run changed: the report shows it, and the city's own
 * ledger must match it (a platform may hold earlier cities of the same region and year).
 */
public record Observations(Map<String, Long> enrolledByScheme, long subsidised, Money contributions, Money subsidies,
                           Map<String, Money> contributionsByScheme,
                           Map<String, Map<Ledger.Layer, Money>> spending, Map<String, Long> spendingBills,
                           Map<String, Category> assistanceByCategory, Map<String, VbpRow> vbp, long warningsThisMonth) {

    /** One assistance category's figures (additive; the ratios are computed from them). */
    public record Category(long personTimes, long persons, Money assistance, Money total, Money policyScope, Money fundsPaid) {

        Category minus(Category o) {
            return new Category(personTimes - o.personTimes, persons - o.persons, assistance.minus(o.assistance),
                    total.minus(o.total), policyScope.minus(o.policyScope), fundsPaid.minus(o.fundsPaid));
        }
    }

    /**
     * One institution's line of a VBP batch report. The agreed volume is set (each run sets it anew);
     * the rest accumulate.
     */
    public record VbpRow(String batch, String itemCode, BigDecimal agreed, BigDecimal consumed, BigDecimal purchased,
                         Money savings) {
    }

    public static Observations read(Gateway gateway, int year) {
        String cityPrefix = Roster.CITY.substring(0, 4);
        Map<String, Long> enrolled = new TreeMap<>();
        Map<String, Money> contributionsByScheme = new TreeMap<>();
        long subsidised = 0;
        Money contributions = Money.ZERO;
        Money subsidies = Money.ZERO;
        JsonNode statistics = Json.read(gateway.read(Setup.BUREAU, "GET /api/enrollment/statistics",
                "/api/enrollment/statistics?year=" + year));
        for (JsonNode row : statistics.path("enrolled")) {
            if (row.path("regionCode").asString().startsWith(cityPrefix)) {
                String scheme = row.path("scheme").asString();
                enrolled.merge(scheme, row.path("enrolled").asLong(), Long::sum);
                contributionsByScheme.merge(scheme, Json.money(row.get("contributions")), Money::plus);
                subsidised += row.path("subsidised").asLong();
                contributions = contributions.plus(Json.money(row.get("contributions")));
                subsidies = subsidies.plus(Json.money(row.get("subsidies")));
            }
        }

        Map<String, Map<Ledger.Layer, Money>> spending = new TreeMap<>();
        Map<String, Long> bills = new TreeMap<>();
        JsonNode fund = Json.read(gateway.read(Setup.BUREAU, "GET /api/settlement/reports/{year}",
                "/api/settlement/reports/" + year + "?region=" + Roster.CITY));
        for (JsonNode row : fund.path("spending")) {
            String key = row.path("scheme").asString() + "/" + row.path("visitType").asString();
            Map<Ledger.Layer, Money> layers = new EnumMap<>(Ledger.Layer.class);
            for (Ledger.Layer layer : Ledger.Layer.values()) {
                layers.put(layer, Json.money(row.get(layer.name())));
            }
            spending.put(key, layers);
            bills.put(key, row.path("settlements").asLong());
        }

        Map<String, Category> assistance = new TreeMap<>();
        for (JsonNode row : Json.read(gateway.read(Setup.BUREAU, "GET /api/assistance/reports",
                "/api/assistance/reports?year=" + year + "&region=" + Roster.CITY))) {
            assistance.put(row.path("category").asString(), new Category(row.path("personTimes").asLong(),
                    row.path("persons").asLong(), Json.money(row.get("assistance")), Json.money(row.get("total")),
                    Json.money(row.get("policyScope")), Json.money(row.get("fundsPaid"))));
        }

        Map<String, VbpRow> vbp = new TreeMap<>();
        for (String batch : new String[]{Setup.DRUG_BATCH, Setup.CONSUMABLE_BATCH}) {
            Gateway.Response r = gateway.get(Setup.BUREAU, "GET /api/procurement/batches/{batchId}/report",
                    "/api/procurement/batches/" + batch + "/report?year=" + year);
            if (r.status() == 404) {
                continue; // not set up yet
            }
            if (!r.ok()) {
                throw new Gateway.CallFailed("batch report", r);
            }
            for (JsonNode row : Json.read(r.body())) {
                String institution = row.path("institution").asString();
                String item = row.path("itemCode").asString();
                vbp.put(institution + "/" + item, new VbpRow(batch, item, row.path("agreed").decimalValue(),
                        row.path("consumed").decimalValue(), row.path("purchased").decimalValue(), Json.money(row.get("savings"))));
            }
        }

        String csv = gateway.read(Setup.BUREAU, "GET /api/assistance/poverty-warnings/export",
                "/api/assistance/poverty-warnings/export?month=" + YearMonth.now());
        long warnings = csv.lines().skip(1).filter(l -> !l.isBlank()).count();
        return new Observations(enrolled, subsidised, contributions, subsidies, contributionsByScheme, spending, bills,
                assistance, vbp, warnings);
    }

    /** The sum over assistance categories of one of the report's amounts. */
    public Money assistanceSum(java.util.function.Function<Category, Money> field) {
        return assistanceByCategory.values().stream().map(field).reduce(Money.ZERO, Money::plus);
    }

    /** What changed from {@code before} to this. */
    public Observations since(Observations before) {
        Map<String, Long> enrolled = new TreeMap<>(enrolledByScheme);
        before.enrolledByScheme.forEach((k, v) -> enrolled.merge(k, -v, Long::sum));
        Map<String, Money> income = new TreeMap<>(contributionsByScheme);
        before.contributionsByScheme.forEach((k, v) -> income.merge(k, v.negate(), Money::plus));
        Map<String, Map<Ledger.Layer, Money>> spent = new TreeMap<>();
        spending.forEach((key, layers) -> {
            Map<Ledger.Layer, Money> d = new EnumMap<>(Ledger.Layer.class);
            layers.forEach((layer, amount) -> d.put(layer, amount.minus(
                    before.spending.getOrDefault(key, Map.of()).getOrDefault(layer, Money.ZERO))));
            spent.put(key, d);
        });
        Map<String, Long> bills = new TreeMap<>(spendingBills);
        before.spendingBills.forEach((k, v) -> bills.merge(k, -v, Long::sum));
        Map<String, Category> categories = new TreeMap<>();
        Category none = new Category(0, 0, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);
        assistanceByCategory.forEach((k, v) -> categories.put(k, v.minus(before.assistanceByCategory.getOrDefault(k, none))));
        Map<String, VbpRow> vbpRows = new TreeMap<>();
        vbp.forEach((k, v) -> {
            VbpRow b = before.vbp.get(k);
            vbpRows.put(k, b == null ? v : new VbpRow(v.batch(), v.itemCode(), v.agreed(), v.consumed().subtract(b.consumed()),
                    v.purchased().subtract(b.purchased()), v.savings().minus(b.savings())));
        });
        return new Observations(enrolled, subsidised - before.subsidised, contributions.minus(before.contributions),
                subsidies.minus(before.subsidies), income, spent, bills, categories, vbpRows,
                warningsThisMonth - before.warningsThisMonth);
    }
}
