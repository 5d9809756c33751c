package org.yibao.city.report;

import org.yibao.city.drive.Gateway;
import org.yibao.city.drive.Json;
import org.yibao.city.drive.Setup;
import org.yibao.city.model.Roster;
import org.yibao.contracts.money.Money;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the services themselves report about the city's year, read through the gateway as the
 * bureau's staff read it: settlement's fund spending, assistance's report by category, procurement's
 * consumption of the VBP products and the month's poverty-risk warnings. Taken before and after a
 * run, the difference is what the run changed, which the city's own ledger must match.
 */
public record Observations(Map<String, Map<Ledger.Layer, Money>> spending, Map<String, Long> spendingBills,
                           Map<String, JsonNode> assistanceByCategory, Map<String, BigDecimal> vbpConsumed,
                           long warningsThisMonth) {

    public static Observations read(Gateway gateway, int year) {
        Map<String, Map<Ledger.Layer, Money>> spending = new TreeMap<>();
        Map<String, Long> bills = new TreeMap<>();
        JsonNode fund = Json.read(gateway.read(Setup.BUREAU, "GET /api/settlement/reports/{year}",
                "/api/settlement/reports/" + year + "?region=" + Roster.CITY));
        for (JsonNode row : fund.path("spending")) {
            String key = row.path("scheme").asString() + "/" + row.path("visitType").asString();
            Map<Ledger.Layer, Money> layers = new java.util.EnumMap<>(Ledger.Layer.class);
            for (Ledger.Layer layer : Ledger.Layer.values()) {
                layers.put(layer, Json.money(row.get(layer.name())));
            }
            spending.put(key, layers);
            bills.put(key, row.path("settlements").asLong());
        }

        Map<String, JsonNode> assistance = new TreeMap<>();
        for (JsonNode row : Json.read(gateway.read(Setup.BUREAU, "GET /api/assistance/reports",
                "/api/assistance/reports?year=" + year + "&region=" + Roster.CITY))) {
            assistance.put(row.path("category").asString(), row);
        }

        Map<String, BigDecimal> consumed = new TreeMap<>();
        for (String batch : new String[]{Setup.DRUG_BATCH, Setup.CONSUMABLE_BATCH}) {
            Gateway.Response r = gateway.get(Setup.BUREAU, "GET /api/procurement/batches/{batchId}/report",
                    "/api/procurement/batches/" + batch + "/report?year=" + year);
            if (r.status() == 404) {
                continue; // not set up yet
            }
            for (JsonNode row : Json.read(r.ok() ? r.body() : failed("batch report", r))) {
                consumed.put(row.path("institution").asString() + "/" + row.path("itemCode").asString(),
                        row.path("consumed").decimalValue());
            }
        }

        String csv = gateway.read(Setup.BUREAU, "GET /api/assistance/poverty-warnings/export",
                "/api/assistance/poverty-warnings/export?month=" + YearMonth.now());
        long warnings = csv.lines().skip(1).filter(l -> !l.isBlank()).count();
        return new Observations(spending, bills, assistance, consumed, warnings);
    }

    private static String failed(String what, Gateway.Response r) {
        throw new Gateway.CallFailed(what, r);
    }

    /** The sum over assistance categories of one of the report's amounts. */
    public Money assistanceSum(String field) {
        return assistanceByCategory.values().stream().map(row -> Json.money(row.get(field))).reduce(Money.ZERO, Money::plus);
    }
}
