package org.yibao.settlement.bench;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.yibao.contracts.EventEnvelope;
import org.yibao.contracts.EventType;
import org.yibao.contracts.IntegrationEvent;
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
import org.yibao.testsupport.client.KeepAliveHttp;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
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
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for settlement through the gateway of a running platform (the launcher's by
 * default). It enrolls persons and registers a hospital through Kafka events, as the other services
 * would, then runs clients that each pre-settle and settle a bill — closed loop (each as fast as it is answered), or
 * open loop with {@code --rate N} (N pairs a second in all, each timed from when it fell due) — and reports the
 * settlement rate, latencies, the CPU each settlement cost by process and whether the consumers kept up.
 *
 * <pre>
 * ./mvnw -q -B -DskipTests install && java -jar local-launcher/target/local-launcher.jar   # in another terminal
 * ./mvnw -q -B -pl settlement-service exec:exec@settle-benchmark -Dbench.args="--persons 2000 --seconds 30 --clients 32"
 * ./mvnw -q -B -pl settlement-service exec:exec@settle-benchmark -Dbench.args="--persons 1 --seconds 30 --clients 32"
 * </pre>
 */
public final class SettleLoadGenerator {

    private static final String HOSPITAL = "HBENCH0000001";

    public static void main(String[] args) throws Exception {
        Map<String, String> o = BenchArgs.parse(args);
        String gateway = o.getOrDefault("gateway", "http://127.0.0.1:8080");
        // the benchmark hospital HBENCH0000001's client, as its HIS would get it
        String token = PlatformTokens.benchHospital(gateway);
        String kafka = o.getOrDefault("kafka", "127.0.0.1:19092");
        int persons = Integer.parseInt(o.getOrDefault("persons", "2000"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "30"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "10"));
        int clients = Integer.parseInt(o.getOrDefault("clients", "32"));
        // --rate N: open loop, N settlements a second in all, each timed from when it was due (no coordinated omission);
        // absent or 0: closed loop, each client as fast as it is answered
        double rate = Double.parseDouble(o.getOrDefault("rate", "0"));
        String run = Long.toString(System.currentTimeMillis() % 100_000);
        JsonMapper json = JsonMapper.builder().build();
        int year = LocalDate.now().getYear();

        List<String> ids = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new StringSerializer())) {
            send(producer, json, new InstitutionStatusChanged(HOSPITAL, "压测医院", "441700", InstitutionKind.HOSPITAL,
                    InstitutionLevel.LEVEL_2, null, AgreementStatus.ACTIVE, LocalDate.of(2019, 1, 1), null, Instant.now()));
            for (int i = 0; i < persons; i++) {
                // distinct per run: region 4417, birth date from the run number, sequence from i
                String first17 = String.format("4417%02d19%02d%02d%02d%03d", (i / 1000) % 100,
                        50 + (Integer.parseInt(run) % 40), 1 + (i % 12), 1 + (Integer.parseInt(run) / 40) % 28, i % 1000);
                String id = first17 + ResidentId.checkCharacter(first17);
                ids.add(id);
                send(producer, json, new PersonEnrolled(id, "441700", Scheme.RESIDENT, PersonType.RESIDENT, null, year,
                        LocalDate.of(year, 1, 1), Instant.now()));
            }
            producer.flush();
        }
        System.out.printf("waiting for settlement to learn %d persons%n", persons);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        try (KeepAliveHttp probe = new KeepAliveHttp(URI.create(gateway), token)) {
            while (probe.post("/api/settlement/pre-settlements", bill(ids.get(ids.size() - 1), "warm")).status() != 200) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("settlement did not learn the persons in time");
                }
                Thread.sleep(200);
            }
        }

        System.out.printf("warming up %d s with %d clients%n", warmup, clients);
        drive(gateway, token, ids, clients, rate, warmup, new ConcurrentLinkedQueue<>(), new ConcurrentLinkedQueue<>(), new AtomicLong());
        ConcurrentLinkedQueue<Long> pairs = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> settles = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        unsent.set(0); // the warm-up's do not count
        Map<String, Double> cpuBefore = ProcessCpu.snapshot();
        long started = System.nanoTime();
        drive(gateway, token, ids, clients, rate, seconds, pairs, settles, errors);
        double elapsed = (System.nanoTime() - started) / 1e9;
        Map<String, Double> cpuAfter = ProcessCpu.snapshot();

        List<Long> p = new ArrayList<>(pairs);
        List<Long> s = new ArrayList<>(settles);
        Collections.sort(p);
        Collections.sort(s);
        System.out.println();
        System.out.printf("persons %d, clients %d, %s, %d s: %d settlements = %.1f settlements/s, %d errors%n",
                persons, clients, rate > 0 ? "offered " + rate + "/s" : "closed loop", seconds, s.size(), s.size() / elapsed, errors.get());
        if (rate > 0 && unsent.get() > 0) {
            System.out.printf("%d pairs fell due but were not sent before the end: the platform did not keep up with the offered"
                    + " rate (their latency is not in the percentiles below)%n", unsent.get());
        }
        System.out.printf("pre-settle + settle: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms%n", pct(p, .5), pct(p, .9), pct(p, .99));
        System.out.printf("settle alone       : p50 %.1f ms, p90 %.1f ms, p99 %.1f ms%n", pct(s, .5), pct(s, .9), pct(s, .99));
        if (!s.isEmpty() && !cpuAfter.isEmpty()) {
            System.out.println("CPU per settlement (pre-settle + settle), by part of the platform:");
            double total = 0;
            for (Map.Entry<String, Double> e : cpuAfter.entrySet()) {
                double used = e.getValue() - cpuBefore.getOrDefault(e.getKey(), 0.0);
                total += used;
                System.out.printf("  %-20s %6.2f ms  (%.0f%% of one core)%n", e.getKey(), 1000 * used / s.size(),
                        100 * used / elapsed);
            }
            System.out.printf("  %-20s %6.2f ms  (%.0f%% of one core; %d cores here)%n", "all", 1000 * total / s.size(),
                    100 * total / elapsed, Runtime.getRuntime().availableProcessors());
        }
        ConsumerLag.report(kafka, IntegrationEvent.typeOf(org.yibao.contracts.events.ClaimSettled.class).topic(),
                Integer.parseInt(o.getOrDefault("drain-seconds", "300")));
        System.exit(0);
    }

    private static void drive(String gateway, String token, List<String> ids, int clients, double rate, int seconds,
                              ConcurrentLinkedQueue<Long> pairs, ConcurrentLinkedQueue<Long> settles, AtomicLong errors)
            throws InterruptedException {
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        // open loop: client c's k-th pair is due at start + (k * clients + c) / rate
        long interval = rate > 0 ? (long) (1e9 / rate) : 0;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.submit(() -> {
                try (KeepAliveHttp http = new KeepAliveHttp(URI.create(gateway), token)) {
                    for (long k = 0; ; k++) {
                        long due = interval > 0 ? start + (k * clients + client) * interval : System.nanoTime();
                        if (due >= end) {
                            break;
                        }
                        if (System.nanoTime() >= end) {
                            // open loop: due within the run, but the client was still busy with earlier ones
                            long left = interval > 0 ? (end - 1 - due) / (clients * interval) + 1 : 0;
                            unsent.addAndGet(left);
                            break;
                        }
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        String person = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                        String body = bill(person, UUID.randomUUID().toString());
                        try {
                            long t0 = due;
                            KeepAliveHttp.Response quote = http.post("/api/settlement/pre-settlements", body);
                            long t1 = System.nanoTime();
                            KeepAliveHttp.Response settled = http.post("/api/settlement/settlements", body);
                            long t2 = System.nanoTime();
                            if (quote.status() != 200 || settled.status() != 201) {
                                if (errors.incrementAndGet() <= 3) {
                                    System.out.printf("error: %d %s / %d %s%n", quote.status(), quote.body(),
                                            settled.status(), settled.body());
                                }
                                continue;
                            }
                            pairs.add((t2 - t0) / 1000);
                            settles.add((t2 - t1) / 1000);
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            http.close();
                        }
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
    }

    /** Open loop: pairs that fell due within the run but could not be sent before its end. */
    private static final AtomicLong unsent = new AtomicLong();

    /** Each person's stays so far: each stay on a day of its own, so that the pre-check finds no two overlapping stays. */
    private static final Map<String, java.util.concurrent.atomic.AtomicInteger> STAYS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A small outpatient-sized inpatient bill: two drugs, a test and three bed days, a stay of its own for the person (admitted
     * two days before its discharge, each of the person's stays five days before the last; the launcher's pre-check blocks
     * two overlapping stays of one person as TP-01, so a person's stays repeat after the days of the year run out).
     */
    private static String bill(String person, String messageId) {
        int stay = STAYS.computeIfAbsent(person, p -> new java.util.concurrent.atomic.AtomicInteger()).getAndIncrement();
        LocalDate day = LocalDate.now().minusDays(5L * (stay % Math.max(1, (LocalDate.now().getDayOfYear() - 3) / 5)));
        return """
                {"messageId":"bench-%s","personId":"%s","institutionCode":"%s","visitType":"INPATIENT","serviceDate":"%s",
                 "admittedAt":"%sT09:00:00","dischargedAt":"%sT10:00:00",
                 "lines":[{"itemCode":"XC08CAA001A001010100001","quantity":28,"unitPrice":"0.30"},
                          {"itemCode":"XA10BFA001A001010100009","quantity":30,"unitPrice":"0.60"},
                          {"itemCode":"S250301001","quantity":1,"unitPrice":"60.00"},
                          {"itemCode":"S120100001","quantity":3,"unitPrice":"40.00"}]}"""
                .formatted(messageId, person, HOSPITAL, day, day.minusDays(2), day);
    }

    private static void send(KafkaProducer<String, String> producer, JsonMapper json, IntegrationEvent event) {
        EventType type = IntegrationEvent.typeOf(event.getClass());
        EventEnvelope<IntegrationEvent> envelope = EventEnvelope.wrap(event, "settle-benchmark", null);
        producer.send(new ProducerRecord<>(type.topic(), event.partitionKey(), json.writeValueAsString(envelope)));
    }

    private static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1)) / 1000.0;
    }
}
