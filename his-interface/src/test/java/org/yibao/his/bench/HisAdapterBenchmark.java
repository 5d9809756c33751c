package org.yibao.his.bench;

import org.yibao.contracts.events.AgreementStatus;
import org.yibao.contracts.events.InstitutionKind;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.InstitutionStatusChanged;
import org.yibao.contracts.events.PersonEnrolled;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.testsupport.bench.BenchArgs;
import org.yibao.testsupport.bench.PlatformTokens;
import org.yibao.testsupport.client.EventPublisher;
import org.yibao.testsupport.client.KeepAliveHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the HIS interface adds to a settlement: the same two-line outpatient bill settled through
 * the gateway by the native API ({@code POST /api/settlement/settlements}) and as an HIS would with
 * 2207 (after its 2201 registration and 2204 upload, which are not timed), in alternating rounds
 * against a running platform (the launcher's). Closed loop, a few clients.
 *
 * <pre>./mvnw -q -pl his-interface exec:exec@his-benchmark -Dbench.args="--clients 4 --rounds 4 --seconds 10"</pre>
 */
public final class HisAdapterBenchmark {

    private static final String HOSPITAL = "HBENCH0000002";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        Map<String, String> o = BenchArgs.parse(args);
        String gateway = o.getOrDefault("gateway", "http://127.0.0.1:8080");
        String kafka = o.getOrDefault("kafka", "127.0.0.1:19092");
        int clients = Integer.parseInt(o.getOrDefault("clients", "4"));
        int rounds = Integer.parseInt(o.getOrDefault("rounds", "4"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "10"));
        int persons = Integer.parseInt(o.getOrDefault("persons", "500"));
        JsonMapper json = JsonMapper.builder().build();
        String token = PlatformTokens.clientCredentials(gateway, "bench-his-outpatient", PlatformTokens.BENCH_SECRET);

        // a level-1 Hohhot clinic and residents of the city (general outpatient is paid there)
        List<String> ids = new ArrayList<>();
        int run = (int) (System.currentTimeMillis() / 1000 % 900);
        try (EventPublisher events = new EventPublisher(json, kafka)) {
            events.publish(new InstitutionStatusChanged(HOSPITAL, "压测社区卫生服务中心", "150100", InstitutionKind.HOSPITAL,
                    InstitutionLevel.LEVEL_1, null, AgreementStatus.ACTIVE, LocalDate.of(2019, 1, 1), null, Instant.now()));
            for (int i = 0; i < persons; i++) {
                String first17 = String.format("150102%s%03d", LocalDate.of(1950, 1, 1).plusDays(run * 7L + i / 1000)
                        .toString().replace("-", ""), i % 1000);
                ids.add(first17 + ResidentId.checkCharacter(first17));
            }
        }
        // the persons are insured through enrollment (a registration, 2201, reads the person's name and type there)
        try (KeepAliveHttp clerk = new KeepAliveHttp(URI.create(gateway), PlatformTokens.benchStaff(gateway))) {
            for (String id : ids) {
                KeepAliveHttp.Response person = clerk.post("/api/enrollment/persons", """
                        {"personId":"%s","name":"压测居民","regionCode":"150102"}""".formatted(id));
                KeepAliveHttp.Response enrolled = clerk.post("/api/enrollment/enrollments", """
                        {"personId":"%s","year":%d,"scheme":"RESIDENT","personType":"RESIDENT"}""".formatted(id, LocalDate.now().getYear()));
                if (person.status() != 201 && person.status() != 409 || enrolled.status() != 201 && enrolled.status() != 409) {
                    throw new IllegalStateException("enrolling " + id + ": " + person.status() + " " + person.body() + " / " + enrolled.body());
                }
            }
        }
        try (KeepAliveHttp probe = new KeepAliveHttp(URI.create(gateway), token)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (probe.post("/api/settlement/pre-settlements", nativeBill("probe-" + UUID.randomUUID(), ids.get(ids.size() - 1))).status() != 200) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("settlement did not learn the clinic and persons in time");
                }
                Thread.sleep(250);
            }
        }

        System.out.printf("warming up both paths with %d clients%n", clients);
        run(gateway, token, json, ids, clients, 5, true);
        run(gateway, token, json, ids, clients, 5, false);
        List<Long> nativeSettle = new ArrayList<>();
        List<Long> adapter = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            nativeSettle.addAll(run(gateway, token, json, ids, clients, seconds, true));
            adapter.addAll(run(gateway, token, json, ids, clients, seconds, false));
            System.out.printf("round %d: native %d, 2207 %d settlements so far%n", round, nativeSettle.size(), adapter.size());
        }
        Collections.sort(nativeSettle);
        Collections.sort(adapter);
        System.out.println();
        System.out.printf("%d clients, %d rounds x %d s per path%n", clients, rounds, seconds);
        System.out.printf("native settle : n %d, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms%n",
                nativeSettle.size(), pct(nativeSettle, .5), pct(nativeSettle, .9), pct(nativeSettle, .99));
        System.out.printf("2207 (adapter): n %d, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms%n",
                adapter.size(), pct(adapter, .5), pct(adapter, .9), pct(adapter, .99));
        System.out.printf("added by the adapter: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms%n",
                pct(adapter, .5) - pct(nativeSettle, .5), pct(adapter, .9) - pct(nativeSettle, .9), pct(adapter, .99) - pct(nativeSettle, .99));
        System.exit(0);
    }

    /** Settles for the given time with each client in a loop; the settle call's time in microseconds. */
    private static List<Long> run(String gateway, String token, JsonMapper json, List<String> ids, int clients, int seconds,
                                  boolean nativeApi) throws InterruptedException {
        ConcurrentLinkedQueue<Long> times = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                try (KeepAliveHttp http = new KeepAliveHttp(URI.create(gateway), token)) {
                    String signNo = nativeApi ? null : json.readTree(envelope(http, "9001", null,
                            "{\"signIn\":{\"opter_no\":\"001\"}}").body()).at("/output/signinoutb/sign_no").asString();
                    while (System.nanoTime() < end) {
                        String person = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                        if (nativeApi) {
                            long t = System.nanoTime();
                            KeepAliveHttp.Response r = http.post("/api/settlement/settlements", nativeBill("bench-" + UUID.randomUUID(), person));
                            if (r.status() == 201) {
                                times.add((System.nanoTime() - t) / 1000);
                            }
                            continue;
                        }
                        KeepAliveHttp.Response registered = envelope(http, "2201", signNo, """
                                {"data":{"psn_no":"%s","insutype":"390","begntime":"%s","mdtrt_cert_type":"02","mdtrt_cert_no":"%s","ipt_otp_no":"B1"}}"""
                                .formatted(person, LocalDateTime.now().format(TIME), person));
                        String mdtrtId = json.readTree(registered.body()).at("/output/data/mdtrt_id").asString();
                        if (mdtrtId.isEmpty() && FIRST_FAILURE.compareAndSet(null, registered.body())) {
                            System.out.println("a 2201 failed (the rest are not reported): " + registered.body());
                        }
                        envelope(http, "2204", signNo, """
                                {"feedetail":[
                                  {"feedetl_sn":"1","mdtrt_id":"%1$s","psn_no":"%2$s","chrg_bchno":"1","fee_ocur_time":"%3$s",
                                   "med_list_codg":"XC08CAA001A001010100001","det_item_fee_sumamt":"8.40","cnt":"28","pric":"0.30"},
                                  {"feedetl_sn":"2","mdtrt_id":"%1$s","psn_no":"%2$s","chrg_bchno":"1","fee_ocur_time":"%3$s",
                                   "med_list_codg":"S311201001","det_item_fee_sumamt":"400.00","cnt":"1","pric":"400.00"}]}"""
                                .formatted(mdtrtId, person, LocalDateTime.now().format(TIME)));
                        String settle = """
                                {"data":{"psn_no":"%s","mdtrt_cert_type":"02","mdtrt_cert_no":"%s","med_type":"11","medfee_sumamt":"408.40",
                                 "psn_setlway":"01","mdtrt_id":"%s","chrg_bchno":"0000","acct_used_flag":"0","insutype":"390"}}"""
                                .formatted(person, person, mdtrtId);
                        long t = System.nanoTime();
                        KeepAliveHttp.Response r = envelope(http, "2207", signNo, settle);
                        long micros = (System.nanoTime() - t) / 1000;
                        if (r.status() == 200 && r.body().contains("\"infcode\":0")) {
                            times.add(micros);
                        } else if (FIRST_FAILURE.compareAndSet(null, r.body())) {
                            System.out.println("a 2207 failed (the rest are not reported): " + r.body());
                        }
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        return new ArrayList<>(times);
    }

    private static final java.util.concurrent.atomic.AtomicReference<String> FIRST_FAILURE = new java.util.concurrent.atomic.AtomicReference<>();

    private static KeepAliveHttp.Response envelope(KeepAliveHttp http, String infno, String signNo, String input) throws java.io.IOException {
        String msgid = HOSPITAL + LocalDateTime.now().format(STAMP) + String.format("%04d", SEQUENCE.incrementAndGet() % 10_000);
        return http.post("/api/his/transactions", """
                {"infno":"%s","msgid":"%s","mdtrtarea_admvs":"150100","insuplc_admdvs":"150100","recer_sys_code":"HIS","opter_type":"1",
                 "opter":"001","opter_name":"bench","inf_time":"%s","fixmedins_code":"%s","fixmedins_name":"bench","sign_no":%s,"input":%s}"""
                .formatted(infno, msgid, LocalDateTime.now().format(TIME), HOSPITAL, signNo == null ? "null" : "\"" + signNo + "\"", input));
    }

    private static String nativeBill(String messageId, String person) {
        return """
                {"messageId":"%s","personId":"%s","institutionCode":"%s","visitType":"GENERAL_OUTPATIENT","serviceDate":"%s",
                 "diagnosisCodes":["I10"],"lines":[{"itemCode":"XC08CAA001A001010100001","quantity":28,"unitPrice":"0.30"},
                 {"itemCode":"S311201001","quantity":1,"unitPrice":"400.00"}]}""".formatted(messageId, person, HOSPITAL, LocalDate.now());
    }

    private static double pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) (p * sorted.size()))) / 1000.0;
    }
}
