package org.yibao.city.drive;

import org.yibao.city.model.CityParameters;
import org.yibao.city.model.Encounter;
import org.yibao.city.model.Institution;
import org.yibao.city.model.Item;
import org.yibao.city.model.Roster;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bureau's side of the city before the year starts and at its end: the registered population,
 * the designated institutions' agreements, the VBP batches with each institution's agreed volumes,
 * and the institutions' purchase reports. Set-up is repeatable: what already exists is kept.
 */
public final class Setup {

    public static final String BUREAU = "city-bureau";
    public static final String DRUG_BATCH = "ZMD-DRUGS-1";
    public static final String CONSUMABLE_BATCH = "ZMD-CONSUMABLES-1";

    private final Gateway gateway;
    private final CityParameters city;

    public Setup(Gateway gateway, CityParameters city) {
        this.gateway = gateway;
        this.city = city;
    }

    public void population(long registered) {
        expect(gateway.call(BUREAU, "PUT", "PUT /api/enrollment/regions/{regionCode}/population/{year}",
                "/api/enrollment/regions/" + Roster.CITY + "/population/" + city.year(), "application/json",
                Json.write(Map.of("population", registered)), java.time.Duration.ofSeconds(30)), "population");
    }

    /** Registers the designated institutions with their agreements, levels and coordinates. */
    public void institutions() {
        for (Institution i : Roster.INSTITUTIONS) {
            Map<String, Object> body = new TreeMap<>(Map.of("code", i.code(), "name", i.name(), "regionCode", i.regionCode(),
                    "kind", i.kind().name(), "level", i.level().name(), "agreementFrom", "2015-01-01"));
            if (i.chain() != null) {
                body.put("chain", i.chain());
            }
            // where it is (WGS-84): the audit's geography (two places too far apart the same day) reads it
            body.put("latitude", BigDecimal.valueOf(i.latitude()));
            body.put("longitude", BigDecimal.valueOf(i.longitude()));
            Gateway.Response r = gateway.postJson(BUREAU, "POST /api/supervision/institutions", "/api/supervision/institutions",
                    Json.write(body));
            if (!r.ok() && r.status() != 409) {
                throw new Gateway.CallFailed("registering " + i.code(), r);
            }
        }
    }

    /** The two batches: the city's VBP drugs and consumables, selected for the whole year. */
    public void batches() {
        batch(DRUG_BATCH, "驻马店模拟集采药品第一批", "DRUG", Item.VBP_DRUGS);
        batch(CONSUMABLE_BATCH, "驻马店模拟集采耗材第一批", "CONSUMABLE", Item.VBP_CONSUMABLES);
    }

    private void batch(String id, String name, String kind, List<Item> items) {
        List<Map<String, Object>> products = items.stream().map(i -> Map.<String, Object>of("itemCode", i.code(),
                "genericName", i.genericName(), "specification", i.name(), "manufacturer", "中选企业(模拟)",
                "winningPrice", i.price().amount(), "previousPrice", i.previousPrice().amount())).toList();
        Gateway.Response r = gateway.postJson(BUREAU, "POST /api/procurement/batches", "/api/procurement/batches",
                Json.write(Map.of("batchId", id, "name", name, "level", "ALLIANCE", "kind", kind,
                        "startsOn", city.year() + "-01-01", "endsOn", city.year() + "-12-31", "products", products)));
        if (!r.ok() && r.status() != 409) {
            throw new Gateway.CallFailed("batch " + id, r);
        }
    }

    /**
     * The agreed volumes (约定采购量): each institution commits to a share of what its patients will
     * use; the share differs by institution (ASSUMPTION: 80%-140% of the year's use) so that some run
     * behind and some ahead.
     */
    public Map<String, BigDecimal> agreedVolumes(Map<String, BigDecimal> expectedUse) {
        Map<String, BigDecimal> agreed = new TreeMap<>();
        StringBuilder csv = new StringBuilder("institution,itemCode,volume\n");
        expectedUse.forEach((key, units) -> {
            String institution = key.substring(0, key.indexOf('/'));
            BigDecimal share = BigDecimal.valueOf(80 + Math.floorMod((institution + city.seed()).hashCode(), 61), 2);
            BigDecimal volume = units.multiply(share).setScale(0, RoundingMode.CEILING).max(BigDecimal.ONE);
            agreed.put(key, volume);
            csv.append(institution).append(',').append(key.substring(key.indexOf('/') + 1)).append(',')
                    .append(volume.toPlainString()).append('\n');
        });
        expect(gateway.postCsv(BUREAU, "POST /api/procurement/agreed-volumes/{year}", "/api/procurement/agreed-volumes/"
                + city.year(), csv.toString()), "agreed volumes");
        return agreed;
    }

    /** Each institution reports what it bought of its agreed volume (ASSUMPTION: 85%-105% of it). */
    public void purchases(Map<String, BigDecimal> agreed) {
        StringBuilder csv = new StringBuilder("institution,itemCode,quantity,purchasedOn\n");
        agreed.forEach((key, volume) -> {
            BigDecimal share = BigDecimal.valueOf(85 + Math.floorMod((key + city.seed()).hashCode(), 21), 2);
            csv.append(key.replace('/', ',')).append(',').append(volume.multiply(share).setScale(0, RoundingMode.HALF_UP)
                    .toPlainString()).append(',').append(city.lastDay()).append('\n');
        });
        expect(gateway.postCsv(BUREAU, "POST /api/procurement/purchase-reports", "/api/procurement/purchase-reports",
                csv.toString()), "purchase reports");
    }

    /** What the city's bills will use of each VBP product, by institution: "institution/itemCode" -> units. */
    public static void countVbp(Encounter e, Map<String, BigDecimal> into) {
        for (Encounter.Line line : e.lines()) {
            if (line.item().vbp()) {
                into.merge(e.institution().code() + "/" + line.item().code(), line.quantity(), BigDecimal::add);
            }
        }
    }

    static Gateway.Response expect(Gateway.Response r, String what) {
        if (!r.ok()) {
            throw new Gateway.CallFailed(what, r);
        }
        return r;
    }
}
