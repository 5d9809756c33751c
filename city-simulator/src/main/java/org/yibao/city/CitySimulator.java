package org.yibao.city;

import org.yibao.city.drive.Gateway;
import org.yibao.city.drive.Json;
import org.yibao.city.drive.Registration;
import org.yibao.city.model.CityGenerator;
import org.yibao.city.model.CityParameters;
import org.yibao.city.report.CityReport;
import org.yibao.city.report.EventCounts;
import org.yibao.testsupport.bench.BenchArgs;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

/**
 * Runs a simulated city against a running platform (by default the one-command local platform) and
 * writes its report. Options, each {@code --name value}:
 * <pre>
 *   --persons 10000        registered population (Zhumadian: 7149000)
 *   --seed 2021            the city's seed: the same seed, the same city
 *   --fraud 0.005          share of persons around whom fraud is planted
 *   --workers 8            hospitals' and pharmacies' concurrent callers
 *   --rate 0               bills a second (0: as fast as the platform answers)
 *   --gateway http://localhost:8080
 *   --kafka localhost:19092  the broker, to count both sides of every topic
 *   --clearing-offset PT0S  how far clearing-service's clock runs ahead (its yibao.rehearsal.clock-offset): the
 *                          run's month paid and its year cleared as the bureau would later
 *   --out city-report.json
 *   --generate-only true   build the city and count it, without a platform (how the generator scales)
 * </pre>
 * Exits 0 when the books balance and no event was lost, 2 otherwise.
 */
public final class CitySimulator {

    public static final String CITY_SECRET = "local-city-secret";

    private CitySimulator() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = BenchArgs.parse(args);
        CityParameters city = CityParameters.ofThisYear(Long.parseLong(o.getOrDefault("seed", "2021")),
                Integer.parseInt(o.getOrDefault("persons", "10000")), Double.parseDouble(o.getOrDefault("fraud", "0.005")),
                LocalDate.now());
        if (Boolean.parseBoolean(o.getOrDefault("generate-only", "false"))) {
            census(new CityGenerator(city));
            return;
        }
        CityReport report = run(city, URI.create(o.getOrDefault("gateway", "http://localhost:8080")),
                o.getOrDefault("kafka", "localhost:19092"), Integer.parseInt(o.getOrDefault("workers", "8")),
                Double.parseDouble(o.getOrDefault("rate", "0")), java.time.Duration.parse(o.getOrDefault("clearing-offset", "PT0S")));
        Path out = Path.of(o.getOrDefault("out", "city-report.json"));
        Files.writeString(out, Json.pretty(report));
        System.out.print(report.summary());
        System.out.println("Report written to " + out.toAbsolutePath());
        System.exit(report.books().balanced() && report.run().refused() == 0 ? 0 : 2);
    }

    /** The city counted as the generator builds it, person by person, with the time and heap it took. */
    static void census(CityGenerator generator) {
        long started = System.nanoTime();
        java.util.concurrent.atomic.LongAdder enrolled = new java.util.concurrent.atomic.LongAdder();
        java.util.concurrent.atomic.LongAdder lowIncome = new java.util.concurrent.atomic.LongAdder();
        java.util.concurrent.atomic.LongAdder feedRows = new java.util.concurrent.atomic.LongAdder();
        java.util.concurrent.atomic.LongAdder planted = new java.util.concurrent.atomic.LongAdder();
        Map<String, java.util.concurrent.atomic.LongAdder> bills = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.stream.IntStream.range(0, generator.parameters().persons()).parallel().forEach(i -> {
            var p = generator.person(i);
            if (p.enrolled()) {
                enrolled.increment();
            }
            if (p.lowIncome()) {
                lowIncome.increment();
            }
            feedRows.add(generator.feedRecords(p).size());
            for (var e : generator.encounters(p)) {
                bills.computeIfAbsent(e.visitType().name(), k -> new java.util.concurrent.atomic.LongAdder()).increment();
                if (e.planted() != null) {
                    planted.increment();
                }
            }
        });
        Runtime rt = Runtime.getRuntime();
        System.out.printf("%,d persons: %,d enrolled, %,d low-income (%,d feed rows); bills %s, %,d planted; generated in %.1f s,"
                        + " heap used %,d MiB%n", generator.parameters().persons(), enrolled.sum(), lowIncome.sum(), feedRows.sum(),
                new java.util.TreeMap<>(bills), planted.sum(), (System.nanoTime() - started) / 1e9,
                (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    public static CityReport run(CityParameters city, URI gateway, String kafka, int workers, double rate)
            throws InterruptedException {
        return run(city, gateway, kafka, workers, rate, java.time.Duration.ZERO);
    }

    /**
     * @param clearingOffset how far clearing-service's clock runs ahead ({@code yibao.rehearsal.clock-offset}): with it the
     *                       month the bills were settled in is paid, and its year cleared, as the bureau would later
     */
    public static CityReport run(CityParameters city, URI gateway, String kafka, int workers, double rate,
                                 java.time.Duration clearingOffset) throws InterruptedException {
        System.out.printf("Simulating %,d persons of %d (seed %d) against %s%n", city.persons(), city.year(), city.seed(), gateway);
        try (EventCounts events = new EventCounts(kafka)) {
            Gateway calls = new Gateway(gateway, client -> client.startsWith("dept-") ? Registration.DEPARTMENT_SECRET : CITY_SECRET);
            return new CityRun(new CityGenerator(city), calls, events, workers, rate, clearingOffset).run();
        }
    }
}
