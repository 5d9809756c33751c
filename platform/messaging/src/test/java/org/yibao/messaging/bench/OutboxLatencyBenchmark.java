package org.yibao.messaging.bench;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.messaging.bench.consumer.BenchConsumer;
import org.yibao.messaging.bench.producer.BenchProducer;
import org.yibao.testsupport.infra.KafkaBroker;
import org.yibao.testsupport.infra.LocalPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Outbox-to-consumer latency and throughput between two services on this machine, on a durable
 * PostgreSQL (fsync on) and a real Kafka broker: a producing service commits a state change and its
 * event at a fixed rate; a consuming service applies each event idempotently. Latency is from the
 * event's append (inside the producer's transaction) to the commit of its effect at the consumer.
 *
 * <pre>
 * ./mvnw -q -B -DskipTests install
 * ./mvnw -q -B -pl platform/messaging exec:exec@outbox-benchmark -Dbench.args="--rate 1000 --seconds 30"
 * </pre>
 *
 * {@code --rate 0} produces as fast as the producer threads can (a throughput run).
 */
public final class OutboxLatencyBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int rate = Integer.parseInt(options.getOrDefault("rate", "1000"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "10"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "8"));
        int persons = 5_000;

        Path pgHome = Files.createTempDirectory("yibao-bench-pg-");
        // durable=true runs PostgreSQL as the launcher does by default (every commit on disk); the default here, false, keeps
        // the conditions of the figures in docs/benchmarks.md §2
        LocalPostgres postgres = LocalPostgres.startPersistent(pgHome.resolve("data"), freePort(),
                Boolean.parseBoolean(options.getOrDefault("durable", "false")));
        KafkaBroker kafka = KafkaBroker.startTemporary();
        postgres.createDatabaseIfMissing("bench_producer");
        postgres.createDatabaseIfMissing("bench_consumer");
        ConfigurableApplicationContext producer = start(BenchProducer.class, "bench-producer", postgres, kafka, Map.of());
        ConfigurableApplicationContext consumer = start(BenchConsumer.class, "bench-consumer", postgres, kafka,
                Map.of("yibao.messaging.consumer.concurrency", options.getOrDefault("consumers", "3")));
        BenchProducer.Appender appender = producer.getBean(BenchProducer.Appender.class);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < persons; i++) {
            String first17 = "44170219800101" + String.format("%03d", i % 1000);
            ids.add(String.format("%s%s", first17, ResidentId.checkCharacter(first17)) + "");
        }

        System.out.printf("warming up %d s at %s%n", warmup, rate == 0 ? "full speed" : rate + " events/s");
        run(appender, ids, rate, warmup, threads);
        awaitDrained(producer, consumer, 60);
        BenchConsumer.LATENCIES_MICROS.clear();
        long consumedBefore = consumed(consumer);

        BenchConsumer.recording = true;
        long started = System.nanoTime();
        long produced = run(appender, ids, rate, seconds, threads);
        double produceSeconds = (System.nanoTime() - started) / 1e9;
        awaitDrained(producer, consumer, 120);
        double drainSeconds = (System.nanoTime() - started) / 1e9;
        BenchConsumer.recording = false;
        long consumedNow = consumed(consumer) - consumedBefore;

        List<Long> latencies = new ArrayList<>(BenchConsumer.LATENCIES_MICROS);
        Collections.sort(latencies);
        System.out.println();
        System.out.printf("target rate        : %s%n", rate == 0 ? "unpaced, " + threads + " producer threads" : rate + " events/s");
        System.out.printf("produced           : %d events in %.1f s = %.0f events/s committed%n", produced, produceSeconds, produced / produceSeconds);
        System.out.printf("consumed           : %d events, all applied %.1f s after the first was produced = %.0f events/s%n",
                consumedNow, drainSeconds, consumedNow / drainSeconds);
        System.out.printf("latency (append -> consumer commit), %d samples: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                latencies.size(), pct(latencies, 0.50), pct(latencies, 0.90), pct(latencies, 0.99),
                latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1) / 1000.0);
        Map<String, Object> relay = producer.getBean(JdbcTemplate.class).queryForMap("""
                select percentile_cont(0.5) within group (order by ms) as p50, percentile_cont(0.99) within group (order by ms) as p99
                from (select extract(epoch from published_at - created_at) * 1000 as ms from outbox_event
                      where published_at is not null order by id desc limit ?) recent""", produced);
        System.out.printf("of which insert -> marked published (relay), p50 %.1f ms, p99 %.1f ms%n",
                ((Number) relay.get("p50")).doubleValue(), ((Number) relay.get("p99")).doubleValue());
        System.out.printf("machine            : %d cores, %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), System.getProperty("java.version"));

        consumer.close();
        producer.close();
        kafka.stop();
        postgres.close();
        System.exit(0);
    }

    private static long run(BenchProducer.Appender appender, List<String> ids, int rate, int seconds, int threads)
            throws InterruptedException {
        AtomicLong produced = new AtomicLong();
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                while (true) {
                    int n = next.getAndIncrement();
                    if (rate > 0) {
                        long due = start + (long) (n * (1e9 / rate));
                        if (due >= end) {
                            return null;
                        }
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                    } else if (System.nanoTime() >= end) {
                        return null;
                    }
                    appender.change(ids.get(n % ids.size()), n);
                    produced.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        return produced.get();
    }

    private static void awaitDrained(ConfigurableApplicationContext producer, ConfigurableApplicationContext consumer,
                                     int seconds) throws InterruptedException {
        JdbcTemplate p = producer.getBean(JdbcTemplate.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            long committed = p.queryForObject("select coalesce(sum(changes), 0) from bench_state", Long.class);
            if (consumed(consumer) >= committed) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the consumer did not catch up within " + seconds + " s");
    }

    private static long consumed(ConfigurableApplicationContext consumer) {
        return consumer.getBean(JdbcTemplate.class).queryForObject("select count(*) from bench_effect", Long.class);
    }

    private static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1000.0;
    }

    private static ConfigurableApplicationContext start(Class<?> app, String name, LocalPostgres postgres, KafkaBroker kafka,
                                                        Map<String, String> extra) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "spring.application.name", name,
                "spring.datasource.url", postgres.jdbcUrl(name.replace('-', '_')),
                "spring.datasource.username", postgres.username(),
                "spring.datasource.password", postgres.password(),
                "spring.datasource.hikari.maximum-pool-size", "12",
                "spring.flyway.locations", "classpath:db/" + name,
                "spring.kafka.bootstrap-servers", kafka.bootstrapServers(),
                "logging.level.root", "WARN"));
        properties.putAll(extra);
        return new SpringApplicationBuilder(app).web(WebApplicationType.NONE).properties(properties).run();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
