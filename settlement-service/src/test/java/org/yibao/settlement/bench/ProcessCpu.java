package org.yibao.settlement.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time used by the platform's processes on this machine (Linux /proc), grouped by part, so a
 * benchmark can say where each settlement's CPU goes. On a machine whose cores are all busy, that
 * split, not the latency, tells what a larger machine would gain.
 */
final class ProcessCpu {

    /** Linux reports process times in clock ticks of 1/100 s on every common configuration. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {
    }

    /** CPU seconds (user + system) so far, by part: each application (by its jar), postgresql, kafka, load generator. */
    static Map<String, Double> snapshot() {
        Map<String, Double> byPart = new TreeMap<>();
        long self = ProcessHandle.current().pid();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    String part = part(p, Long.parseLong(p.getFileName().toString()) == self);
                    if (part != null) {
                        byPart.merge(part, seconds(Files.readString(p.resolve("stat"))), Double::sum);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended while being read
                }
            });
        } catch (IOException e) {
            return byPart; // not Linux: no split
        }
        return byPart;
    }

    /** The platform's applications, each a part of its own (every instance of one counted together). */
    private static final java.util.regex.Pattern APPLICATION =
            java.util.regex.Pattern.compile(".*?([a-z-]*(?:-service|gateway|his-interface))\\.jar.*");

    private static String part(Path proc, boolean self) throws IOException {
        if (self) {
            return "load generator";
        }
        String cmd = new String(Files.readAllBytes(proc.resolve("cmdline"))).replace('\0', ' ');
        java.util.regex.Matcher application = APPLICATION.matcher(cmd);
        if (application.matches()) {
            return application.group(1);
        }
        if (cmd.contains("KafkaServerMain") || cmd.contains("kafka.Kafka ")) {
            return "kafka";
        }
        if (cmd.startsWith("postgres") || cmd.contains("/bin/postgres ")) {
            return "postgresql";
        }
        return null;
    }

    private static double seconds(String stat) {
        // fields after the command name, which is in parentheses and may contain spaces
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND; // utime, stime
    }
}
