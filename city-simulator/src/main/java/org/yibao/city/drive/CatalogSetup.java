package org.yibao.city.drive;

import org.yibao.city.catalog.CatalogEntry;
import org.yibao.city.catalog.CatalogFiles;
import org.yibao.city.catalog.SyntheticCatalog;
import org.yibao.city.model.Formulary;
import org.yibao.city.model.Institution;
import org.yibao.city.model.Item;
import org.yibao.city.model.Roster;
import org.yibao.city.report.CityReport;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bureau's catalog and the institutions' code mappings before the year's bills: the bureau imports the
 * SYNTHETIC national catalog's four files (items first, then ceilings, own ratios and restrictions), each
 * institution submits the file mapping its own codes to the national ones for every item it bills
 * (目录对照), and the bureau approves them. Repeatable: a second run imports and maps nothing new.
 */
public final class CatalogSetup {

    private static final String UTF8_CSV = "text/csv; charset=UTF-8";
    private static final Map<String, String> IMPORTS = Map.of(CatalogFiles.ITEMS, "items", CatalogFiles.CEILINGS, "ceilings",
            CatalogFiles.RATIOS, "selfpay-ratios", CatalogFiles.RESTRICTIONS, "restrictions");
    static final String MAPPING_HEADER = "fixmedins_hilist_id,fixmedins_hilist_name,list_type,med_list_codg,begndate,enddate\n";

    private final Gateway gateway;

    public CatalogSetup(Gateway gateway) {
        this.gateway = gateway;
    }

    /** What the bureau's imports answered, file by file with the seconds each took, and how long they took together. */
    public record Imported(Map<String, Map<String, Object>> reports, double seconds) {
    }

    /** The four files, in order, each applied whole (200) or the run stops naming the refusal. */
    public Imported importCatalog(SyntheticCatalog catalog) {
        long started = System.nanoTime();
        Map<String, Map<String, Object>> reports = new LinkedHashMap<>();
        new CatalogFiles(catalog).contents().forEach((file, csv) -> {
            String kind = IMPORTS.get(file);
            String api = "POST /api/settlement/catalog/imports/" + kind;
            long sent = System.nanoTime();
            Gateway.Response r = gateway.call(Setup.BUREAU, "POST", api, "/api/settlement/catalog/imports/" + kind, UTF8_CSV, csv,
                    Duration.ofMinutes(10));
            if (!r.ok()) {
                throw new Gateway.CallFailed(api + " (" + file + ")", r);
            }
            Map<String, Object> report = summary(Json.read(r.body()));
            report.put("seconds", Math.round((System.nanoTime() - sent) / 1e8) / 10.0);
            reports.put(file, report);
        });
        return new Imported(reports, (System.nanoTime() - started) / 1e9);
    }

    /** The counts of an import's report (its rejected rows are empty when it was applied). */
    private static Map<String, Object> summary(JsonNode report) {
        Map<String, Object> out = new LinkedHashMap<>();
        report.properties().forEach(f -> {
            if (f.getValue().isNumber() || f.getValue().isBoolean()) {
                out.put(f.getKey(), f.getValue().isBoolean() ? f.getValue().asBoolean() : f.getValue().asLong());
            }
        });
        return out;
    }

    /**
     * Every institution's mapping file (its own code, its own name, the list type, the national code, from the
     * first day of the year), then the bureau's approval of what each submitted.
     */
    public CityReport.Mappings map(Formulary formulary, LocalDate from) {
        long started = System.nanoTime();
        long submitted = 0;
        long unchanged = 0;
        long approved = 0;
        for (Institution institution : Roster.INSTITUTIONS) {
            StringBuilder csv = new StringBuilder(MAPPING_HEADER);
            for (Item item : formulary.mappable(institution)) {
                csv.append(formulary.ownCode(institution, item)).append(',').append(item.name().replace(",", " ")).append(',')
                        .append(listType(formulary, item)).append(',').append(item.code()).append(',').append(from).append(",\n");
            }
            String api = "POST /api/settlement/institutions/{institutionCode}/item-mappings/file";
            Gateway.Response r = gateway.call(institution.clientId(), "POST", api, "/api/settlement/institutions/" + institution.code()
                    + "/item-mappings/file", UTF8_CSV, csv.toString(), Duration.ofMinutes(2));
            JsonNode report = Json.read(Setup.expect(r, "the item mappings of " + institution.code()).body());
            submitted += report.path("submitted").asLong();
            unchanged += report.path("unchanged").asLong();
            String review = "POST /api/settlement/institutions/{institutionCode}/item-mappings/review";
            Map<String, Object> decision = new LinkedHashMap<>();
            decision.put("decision", "APPROVED");
            decision.put("ownCodes", null);
            decision.put("note", "checked against the national catalog by the city's bureau");
            approved += Json.read(Setup.expect(gateway.postJson(Setup.BUREAU, review, "/api/settlement/institutions/" + institution.code()
                    + "/item-mappings/review", Json.write(decision)), "the review of " + institution.code() + "'s mappings").body())
                    .path("reviewed").asLong();
        }
        return new CityReport.Mappings(Roster.INSTITUTIONS.size(), submitted, unchanged, approved, (System.nanoTime() - started) / 1e9);
    }

    /** The national list type of an item: the synthetic entry's, else by its code's first letter. */
    private static String listType(Formulary formulary, Item item) {
        CatalogEntry e = formulary.entry(item);
        if (e != null) {
            return e.category().listType();
        }
        return switch (item.code().charAt(0)) {
            case 'X', 'Z' -> "101";
            case 'T' -> "102";
            case 'S' -> "201";
            case 'C' -> "301";
            default -> throw new IllegalArgumentException("no list type for " + item.code());
        };
    }
}
