package org.yibao.city.calibration;

import org.yibao.city.model.CareProfile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The calibrated run of the seed cities (issue 28), with no platform: for each city's parameter file, its year
 * generated and every bill computed by the simulator's own calculator, then the report (docs/calibration.md says how to
 * run it). Arguments, all optional: {@code --cities=a,b} (default all five), {@code --persons=N} (default 20000),
 * {@code --seed=S} (default 2028), {@code --out=DIR} (default target/calibration), {@code --profile=default} (the
 * default city's care instead of each file's: issue 28's question). Writes {@code calibration.md} and
 * {@code calibration.csv} in DIR and prints the Markdown.
 */
public final class CalibrationMain {

    public static final int PERSONS = 20_000;
    public static final long SEED = 2028;

    private CalibrationMain() {
    }

    public static void main(String[] args) throws IOException {
        List<String> cities = CityFiles.SEED_CITIES;
        int persons = PERSONS;
        long seed = SEED;
        Path out = Path.of("target", "calibration");
        boolean defaultProfile = false;
        for (String a : args) {
            String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : "";
            if (a.startsWith("--cities=")) {
                cities = Arrays.asList(value.split(","));
            } else if (a.startsWith("--persons=")) {
                persons = Integer.parseInt(value);
            } else if (a.startsWith("--seed=")) {
                seed = Long.parseLong(value);
            } else if (a.startsWith("--out=")) {
                out = Path.of(value);
            } else if (a.equals("--profile=default")) {
                defaultProfile = true;
            } else if (!a.isBlank()) {
                throw new IllegalArgumentException("unknown argument " + a + "; expected --cities= --persons= --seed= --out= --profile=default");
            }
        }
        StringBuilder md = new StringBuilder("# Calibrated cities: seed outcomes beside the simulated ones\n\n");
        StringBuilder csv = new StringBuilder(CalibrationReport.CSV_HEADER).append("\n");
        List<String> unexplained = new ArrayList<>();
        for (String city : cities) {
            long started = System.nanoTime();
            CityFile file = CityFiles.resource(city.trim());
            CalibratedRun.Result run = defaultProfile ? CalibratedRun.run(file, CareProfile.DEFAULT, seed, persons)
                    : CalibratedRun.run(file, seed, persons);
            List<Outcomes.Measured> measured = Outcomes.measure(run);
            md.append(CalibrationReport.markdown(run, measured)).append("\n");
            csv.append(CalibrationReport.csv(run, measured));
            measured.stream().filter(m -> m.verdict() == Outcomes.Verdict.GAP_UNEXPLAINED)
                    .forEach(m -> unexplained.add(city + " " + m.outcome().id()));
            System.err.printf("%s: %d persons, %d bills in %d ms%n", city, persons, run.bills().size(), (System.nanoTime() - started) / 1_000_000);
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("calibration.md"), md, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("calibration.csv"), csv, StandardCharsets.UTF_8);
        System.out.println(md);
        System.err.println("written " + out.resolve("calibration.md") + " and " + out.resolve("calibration.csv")
                + (unexplained.isEmpty() ? "" : "; UNEXPLAINED GAPS: " + unexplained));
    }
}
