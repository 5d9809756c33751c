package org.yibao.casemix.bench;

import org.yibao.testsupport.bench.BenchArgs;
import org.yibao.testsupport.bench.PlatformTokens;
import org.yibao.testsupport.bench.ServiceProbe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

/**
 * A Zhumadian-sized year of inpatient stays paid by DIP (issue 24: about 1 million), against a running casemix-service
 * (the launcher's by default): the stays and their passed settlement lists loaded straight into casemix's database in
 * set-based statements (timed apart), then over HTTP as the bureau would: the county's DIP table built from the year,
 * each of the twelve months priced at the provisional point value (grouping and pricing: lists/s), the year's point value
 * set and every stay repriced at it, and the year's report; casemix's resident memory before and after.
 *
 * <pre>
 * ./mvnw -q -B -DskipTests install && java -jar local-launcher/target/local-launcher.jar   # in another terminal
 * ./mvnw -q -B -pl casemix-service exec:exec@dip-year-benchmark -Dbench.args="--stays 1000000"
 * </pre>
 * Options: --stays, --institutions 300, --year (default last year), --county (a 4117xx code no earlier run used), --db jdbc:postgresql://127.0.0.1:15432/casemix,
 * --service http://127.0.0.1:8089, --gateway http://127.0.0.1:8080.
 */
public final class DipYearBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> o = BenchArgs.parse(args);
        int stays = Integer.parseInt(o.getOrDefault("stays", "1000000"));
        int institutions = Integer.parseInt(o.getOrDefault("institutions", "300"));
        int year = Integer.parseInt(o.getOrDefault("year", String.valueOf(LocalDate.now().getYear() - 1)));
        String db = o.getOrDefault("db", "jdbc:postgresql://127.0.0.1:15432/casemix");
        String service = o.getOrDefault("service", "http://127.0.0.1:8089");
        String token = PlatformTokens.benchStaff(o.getOrDefault("gateway", "http://127.0.0.1:8080"));
        String run = "B" + Long.toString(System.currentTimeMillis() % 100_000_000L, 36).toUpperCase();
        // a county of its own per run (4117xx is covered by Zhumadian's rules)
        String county = o.getOrDefault("county", "4117" + (80 + (int) (System.currentTimeMillis() % 19)));
        long rssBefore = ServiceProbe.residentBytes("casemix-service.jar");

        try (Connection c = DriverManager.getConnection(db, o.getOrDefault("db-user", "postgres"), o.getOrDefault("db-password", "postgres"));
             Statement s = c.createStatement()) {
            long t0 = System.nanoTime();
            s.execute("""
                    insert into institution (institution_code, region_code, level, changed_at)
                    select '%s' || lpad(i::text, 5, '0'), '%s', (array['LEVEL_3','LEVEL_2','LEVEL_1','COMMUNITY'])[1 + i %% 4], now()
                    from generate_series(1, %d) i""".formatted(run, county, institutions));
            // stay g: an institution skewed by u^2, a discharge day spread over the year, one of twelve diagnoses with its usual
            // procedure (or none), a cost around the diagnosis's level, 70% paid by the pooling fund item by item
            s.execute("""
                    create temporary table bench_stay as
                    select '%1$s-' || g as id, '%1$s' || lpad((1 + floor(%2$d * power(((g * 2654435761::bigint) %% 1000003) / 1000003.0, 2)))::int::text, 5, '0') as inst,
                           make_date(%3$d, 1, 1) + ((g * 7919) %% 365)::int as out, d.diag, d.proc, round((d.base * (0.4 + ((g * 104729) %% 1000) / 625.0))::numeric, 2) as total
                    from generate_series(1::bigint, %4$d::bigint) g
                    cross join lateral (select * from (values
                        (0, 'K35.800', '47.0100', 9000), (1, 'K80.100', '51.2300', 12000), (2, 'J18.900', null, 6000), (3, 'J44.100', null, 8000),
                        (4, 'I63.900', null, 11000), (5, 'I25.103', '36.0600', 30000), (6, 'S72.000', '79.3500', 25000), (7, 'M16.900', '81.5100', 45000),
                        (8, 'H25.900', '13.4100', 5000), (9, 'C34.900', '32.4100', 50000), (10, 'Z51.100', '99.2501', 7000), (11, 'E11.200', null, 7500)
                      ) v(k, diag, proc, base) where v.k = g %% 12) d""".formatted(run, institutions, year, stays));
            s.execute("""
                    insert into inpatient_case (settlement_id, institution_code, person_id, sex, birth_date, scheme, admitted_at, discharged_at,
                        service_date, total, basic_fund, others_paid, settled_at)
                    select id, inst, '411702198101011011', 'M', date '1981-01-01', case when length(id) % 3 = 0 then 'EMPLOYEE' else 'RESIDENT' end,
                           (out - 5)::timestamp + time '09:00', out::timestamp + time '10:00', out, total, round(total * 0.7, 2),
                           total - round(total * 0.7, 2), now()
                    from bench_stay""");
            s.execute("""
                    insert into settlement_list (settlement_id, institution_code, version, admission_date, discharge_date, main_diagnosis,
                        secondary_diagnoses, procedures, fees, fee_total, ventilator_hours, newborn_weights, department, state, findings,
                        uploaded_by, uploaded_at, checked_at)
                    select id, inst, 1, out - 5, out, diag, '[]',
                           case when proc is null then '[]' else '[{"code":"' || proc || '","date":"' || (out - 4) || '","main":true}]' end,
                           '[{"category":"SURGERY","amount":"' || total || '"}]', total, 0, '[]', 'A0' || (length(id) % 5), 'PASSED', '[]',
                           'benchmark', now(), now()
                    from bench_stay""");
            s.execute("analyze inpatient_case");
            s.execute("analyze settlement_list");
            System.out.printf("loaded %,d stays with passed lists over %,d institutions of county %s in %d in %.1f s%n", stays, institutions,
                    county, year, (System.nanoTime() - t0) / 1e9);
        }

        HttpClient http = HttpClient.newHttpClient();
        long t = System.nanoTime();
        String table = post(http, service + "/api/casemix/dip/tables", token, """
                {"regionCode":"%s","year":%d,"basisFrom":"%d-01-01","basisTo":"%d-12-31"}""".formatted(county, year, year, year), 201);
        String tableId = field(table, "tableId");
        System.out.printf("table %s built from the year in %.1f s%n", tableId, (System.nanoTime() - t) / 1e9);

        long pricing = System.nanoTime();
        for (int m = 1; m <= 12; m++) {
            long tm = System.nanoTime();
            String month = post(http, service + "/api/casemix/dip/tables/" + tableId + "/months/" + YearMonth.of(year, m) + "/pricing", token, "", 200);
            System.out.printf("  %s: %s stays priced in %.1f s%n", YearMonth.of(year, m), field(month, "priced"), (System.nanoTime() - tm) / 1e9);
        }
        double pricingSeconds = (System.nanoTime() - pricing) / 1e9;
        System.out.printf("twelve months grouped and priced in %.1f s = %,.0f lists/s%n", pricingSeconds, stays / pricingSeconds);

        t = System.nanoTime();
        String settled = post(http, service + "/api/casemix/dip/tables/" + tableId + "/years/" + year + "/point-value", token,
                "{\"budget\":\"5000000000.00\"}", 201);
        System.out.printf("the year's point value %s (budget 5,000,000,000.00; rounding left %s) set and %,d stays repriced in %.1f s%n",
                field(settled, "pointValue"), field(settled, "rounding"), stays, (System.nanoTime() - t) / 1e9);
        t = System.nanoTime();
        post(http, service + "/api/casemix/dip/tables/" + tableId + "/years/" + year + "/report?basis=FINAL", token, null, 200);
        System.out.printf("the year's report in %.1f s%n", (System.nanoTime() - t) / 1e9);
        System.out.printf("casemix-service resident memory %,d MiB before, %,d MiB after%n", rssBefore >> 20,
                ServiceProbe.residentBytes("casemix-service.jar") >> 20);
        System.exit(0);
    }

    private static String post(HttpClient http, String url, String token, String body, int expected) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
        r = body == null ? r.GET() : r.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(url + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** A top-level field of a JSON answer, as text (enough for the figures printed). */
    private static String field(String json, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + name + "\"\\s*:\\s*(\"[^\"]*\"|[-0-9.]+|\\{[^}]*})").matcher(json);
        return m.find() ? m.group(1).replace("\"", "") : "?";
    }
}
