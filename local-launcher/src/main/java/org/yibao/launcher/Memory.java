package org.yibao.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Resident memory (VmRSS from /proc) of the platform's processes, in KiB. Linux only. */
final class Memory {

    private Memory() {
    }

    static Map<String, Long> residentKb(List<Long> postgresPids, long kafkaPid, List<AppProcess> apps) {
        Map<String, Long> rss = new LinkedHashMap<>();
        rss.put("launcher", rss(ProcessHandle.current().pid()));
        rss.put("postgresql (" + postgresPids.size() + " processes)", postgresPids.stream().mapToLong(Memory::rss).sum());
        rss.put("kafka", rss(kafkaPid));
        for (AppProcess app : apps) {
            rss.put(app.app().name(), rss(app.pid()));
        }
        return rss;
    }

    static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
