package org.yibao.clearing.bench;

import org.yibao.contracts.events.ClaimSettled;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.SettlementAmounts;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.contracts.money.Money;
import org.yibao.testsupport.bench.BenchArgs;
import org.yibao.testsupport.bench.EventFlood;
import org.yibao.testsupport.bench.PlatformTokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closing a Zhumadian-sized month (issue 23: about 1.2 million claims, aim under 60 s) against a running clearing-service
 * (the launcher's by default), and its consumer's pace on ClaimSettled.
 *
 * <p>The month: N institutions new to the run (institution_region rows, region 411702), C claims over them, skewed as a
 * city's are (a few hospitals hold most), each with a basic pooling share of its scheme and, one in three, a catastrophic
 * and an assistance share, 2% of them reversed in the same month, budgets on half the institutions (their caps bite):
 * loaded straight into clearing's database in one set-based statement each (the time to load is printed, not part of the
 * close). The close: every institution's payment order prepared by one clearing officer and approved by another over
 * HTTP, W institutions at a time; then the books of the run's orders read back by SQL: every line balances, and the lines'
 * owed equals the month's owed entries. The floor printed beside it: one SQL aggregation of the whole month per
 * institution and fund, what any close must at least read.
 *
 * <pre>
 * ./mvnw -q -B -DskipTests install && java -jar local-launcher/target/local-launcher.jar   # in another terminal
 * ./mvnw -q -B -pl clearing-service exec:exec@month-close-benchmark -Dbench.args="--claims 1200000 --institutions 2000"
 * </pre>
 * Options: --claims, --institutions, --workers 4, --month yyyy-MM (default: 13 months ago), --consume 20000 (ClaimSettled
 * events put on the topic to time the consumer; 0 to skip), --db jdbc:postgresql://127.0.0.1:15432/clearing, --service
 * http://127.0.0.1:8088, --gateway http://127.0.0.1:8080, --kafka 127.0.0.1:19092.
 */
public final class MonthCloseBenchmark {

    private static final Pattern ORDER_ID = Pattern.compile("\"orderId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    public static void main(String[] args) throws Exception {
        Map<String, String> o = BenchArgs.parse(args);
        int claims = Integer.parseInt(o.getOrDefault("claims", "1200000"));
        int institutions = Integer.parseInt(o.getOrDefault("institutions", "2000"));
        int workers = Integer.parseInt(o.getOrDefault("workers", "4"));
        int consume = Integer.parseInt(o.getOrDefault("consume", "20000"));
        YearMonth month = YearMonth.parse(o.getOrDefault("month", YearMonth.now().minusMonths(13).toString()));
        String db = o.getOrDefault("db", "jdbc:postgresql://127.0.0.1:15432/clearing");
        String service = o.getOrDefault("service", "http://127.0.0.1:8088");
        String gateway = o.getOrDefault("gateway", "http://127.0.0.1:8080");
        String kafka = o.getOrDefault("kafka", "127.0.0.1:19092");
        String run = "B" + Long.toString(System.currentTimeMillis() % 100_000_000L, 36).toUpperCase();

        try (Connection c = DriverManager.getConnection(db, o.getOrDefault("db-user", "postgres"), o.getOrDefault("db-password", "postgres"));
             Statement s = c.createStatement()) {
            long t0 = System.nanoTime();
            s.execute("""
                    insert into institution_region (institution_code, region_code, changed_at)
                    select '%s' || lpad(i::text, 6, '0'), '411702', now() from generate_series(1, %d) i""".formatted(run, institutions));
            // the i-th claim's institution: floor(N x u^3) for u uniform on [0,1): a few institutions hold most claims
            s.execute("""
                    insert into owed_entry (settlement_id, kind, fund, source_id, institution_code, region_code, period, event_month, amount)
                    select '%1$s-' || g, 'SETTLED', f.fund, '%1$s-' || g, '%1$s' || lpad((1 + floor(%2$d * power(((g * 2654435761::bigint) %% 1000003) / 1000003.0, 3)))::int::text, 6, '0'),
                           '411702', '%3$s', '%3$s', f.amount
                    from generate_series(1, %4$d) g
                    cross join lateral (values
                        (case when g %% 4 = 0 then 'EMPLOYEE_POOLING' else 'RESIDENT_POOLING' end, round((50 + (g %% 997) * 1.37)::numeric, 2)),
                        ('CATASTROPHIC', case when g %% 3 = 0 then round(((g %% 89) * 2.11)::numeric, 2) else 0 end),
                        ('MEDICAL_ASSISTANCE', case when g %% 3 = 1 then round(((g %% 53) * 1.07)::numeric, 2) else 0 end)) f(fund, amount)
                    where f.amount <> 0""".formatted(run, institutions, month, claims));
            s.execute("""
                    insert into owed_entry (settlement_id, kind, fund, source_id, institution_code, region_code, period, event_month, amount)
                    select settlement_id, 'REVERSED', fund, 'R-' || settlement_id, institution_code, region_code, period, event_month, -amount
                    from owed_entry where settlement_id like '%s-%%' and kind = 'SETTLED' and (hashtext(settlement_id) %% 50) = 0""".formatted(run));
            s.execute("""
                    insert into budget (institution_code, year, scheme, version, annual_allocation, set_by, set_at)
                    select institution_code, %d, case when fund = 'EMPLOYEE_POOLING' then 'EMPLOYEE' else 'RESIDENT' end, 1,
                           round(sum(amount) * 12 * 0.80, 2), 'benchmark', now()
                    from owed_entry where institution_code like '%s%%' and fund like '%%_POOLING'
                      and (substr(institution_code, length(institution_code))::int %% 2) = 0
                    group by institution_code, fund having sum(amount) > 0""".formatted(month.getYear(), run));
            s.execute("analyze owed_entry");
            long rows = count(s, "select count(*) from owed_entry where institution_code like '" + run + "%'");
            System.out.printf("loaded %,d claims (%,d owed rows, 2%% reversed) over %,d institutions for %s in %.1f s%n", claims, rows,
                    institutions, month, (System.nanoTime() - t0) / 1e9);

            long floorStarted = System.nanoTime();
            long groups = count(s, "select count(*) from (select institution_code, fund, sum(amount) from owed_entry where period = '" + month
                    + "' and institution_code like '" + run + "%' group by institution_code, fund) x");
            double floor = (System.nanoTime() - floorStarted) / 1e9;

            String preparer = PlatformTokens.clientCredentials(gateway, "clearing-officer-local", "local-staff-secret");
            String approver = PlatformTokens.clientCredentials(gateway, "clearing-approver-local", "local-staff-secret");
            HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(workers)).build();
            List<Long> prepareNanos = Collections.synchronizedList(new ArrayList<>());
            List<Long> approveNanos = Collections.synchronizedList(new ArrayList<>());
            long closeStarted = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 1; i <= institutions; i++) {
                String code = run + String.format("%06d", i);
                done.add(pool.submit(() -> {
                    long p = System.nanoTime();
                    HttpResponse<String> prepared = post(http, service + "/api/clearing/periods/" + month + "/payment-orders", preparer,
                            "{\"institutionCode\":\"" + code + "\"}");
                    prepareNanos.add(System.nanoTime() - p);
                    Matcher id = ORDER_ID.matcher(prepared.body());
                    if (prepared.statusCode() / 100 != 2 || !id.find()) {
                        throw new IllegalStateException(code + ": " + prepared.statusCode() + " " + prepared.body());
                    }
                    long a = System.nanoTime();
                    HttpResponse<String> approved = post(http, service + "/api/clearing/periods/" + month + "/payment-orders/" + id.group(1)
                            + "/approval", approver, "");
                    approveNanos.add(System.nanoTime() - a);
                    if (approved.statusCode() != 200) {
                        throw new IllegalStateException(code + ": " + approved.statusCode() + " " + approved.body());
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            double close = (System.nanoTime() - closeStarted) / 1e9;
            System.out.printf("closed %s for %,d institutions (%,d claims) in %.1f s = %.0f orders/s, %,.0f claims/s; prepare p50 %.1f ms"
                            + " p99 %.1f ms, approve p50 %.1f ms p99 %.1f ms (%d at a time)%n", month, institutions, claims, close,
                    institutions / close, claims / close, pct(prepareNanos, 50), pct(prepareNanos, 99), pct(approveNanos, 50),
                    pct(approveNanos, 99), workers);
            System.out.printf("floor: one aggregation of the month (%,d institution-funds) in %.2f s%n", groups, floor);

            ResultSet books = s.executeQuery("""
                    select count(*) filter (where l.owed <> l.withheld + l.deducted + l.recovered + l.prepayment_recovered + l.deferred + l.paid),
                           coalesce(sum(l.owed_in_period), 0), coalesce(sum(l.paid), 0), coalesce(sum(l.withheld), 0), coalesce(sum(l.deferred), 0),
                           (select coalesce(sum(amount), 0) from owed_entry where period = '%s' and institution_code like '%s%%'),
                           count(distinct o.order_id)
                    from payment_order o join payment_order_line l on l.order_id = o.order_id
                    where o.institution_code like '%s%%' and o.state = 'APPROVED'""".formatted(month, run, run));
            books.next();
            System.out.printf("books: %d orders approved, %d lines off; owed in the orders %s = owed entries %s (%s); paid %s, withheld %s,"
                            + " deferred %s%n", books.getLong(7), books.getLong(1), books.getBigDecimal(2), books.getBigDecimal(6),
                    books.getBigDecimal(2).compareTo(books.getBigDecimal(6)) == 0 ? "equal" : "DIFFERENT", books.getBigDecimal(3),
                    books.getBigDecimal(4), books.getBigDecimal(5));
        }

        if (consume > 0) {
            EventFlood.Timing t = EventFlood.publishAndAwait(kafka, service, "ClaimSettled", consume, i -> claim(run, i));
            System.out.printf("consumer: %,d ClaimSettled produced in %.1f s, all counted by clearing after %.1f s = %.0f claims/s%n",
                    consume, t.producedSeconds(), t.appliedSeconds(), consume / t.appliedSeconds());
        }
        System.exit(0);
    }

    private static ClaimSettled claim(String run, int i) {
        String first17 = "411702" + LocalDate.of(1950, 1, 1).plusDays(i / 1000).toString().replace("-", "") + String.format("%03d", i % 1000);
        Money basic = Money.of("120.00");
        Money total = Money.of("200.00");
        SettlementAmounts amounts = new SettlementAmounts(total, Money.ZERO, Money.ZERO, total, Money.ZERO, basic, Money.ZERO, Money.ZERO,
                Money.ZERO, Money.ZERO, Money.of("80.00"));
        LocalDate today = LocalDate.now();
        return new ClaimSettled(run + "-C" + i, first17 + ResidentId.checkCharacter(first17), run + String.format("%06d", 1 + i % 50),
                "411702", Scheme.RESIDENT, VisitType.GENERAL_OUTPATIENT, today.getYear(), today, List.of("J06.9"), Instant.now(),
                "zhumadian-2021", amounts, null, List.of());
    }

    private static HttpResponse<String> post(HttpClient http, String url, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static double pct(List<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
    }
}
