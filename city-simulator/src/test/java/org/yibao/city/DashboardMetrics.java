package org.yibao.city;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Prometheus metric names the Grafana dashboards of deploy/grafana/dashboards use (issue 27), so that a test running
 * the whole platform can check every one against the services' /actuator/prometheus. Reads every {@code *.json} under a
 * folder, takes the {@code expr} of every panel's targets (rows' nested panels included; template variables' queries
 * are not panel targets and are left out), and finds in each the identifiers that name a series: not a function or
 * aggregation (an identifier followed by "("), not a PromQL keyword, not a label inside {...} or in a
 * by/without/on/ignoring/group_left/group_right (...) list, not a number or duration, not inside a string, a range
 * selector or a Grafana variable ($x, ${x}, [[x]]).
 */
public final class DashboardMetrics {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern GRAFANA_VARIABLE = Pattern.compile("\\$\\{[^}]*}|\\$\\w+|\\[\\[[^]]*]]");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern LABEL_LIST = Pattern.compile(
            "\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^()]*\\)");
    private static final Pattern TOKEN = Pattern.compile(
            "(?<number>(?:0[xX][0-9a-fA-F]+|[0-9][0-9a-zA-Z_.]*(?:[eE][+-]?[0-9]+)?))"
                    + "|(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)");
    private static final Set<String> KEYWORDS = Set.of(
            "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "and", "or", "unless",
            "offset", "atan2", "inf", "nan", "start", "end");

    /**
     * Counters a dashboard charts that a platform exposes only once something was counted (Micrometer registers them on
     * first use with their tags): a dead letter, a rate-limited call. A test of a healthy run cannot see them scraped;
     * DashboardMetricsTest finds their names in the code instead.
     */
    public static final Set<String> COUNTED_WHEN_FIRST_SEEN = Set.of(
            "yibao_consumer_dead_letters_total", "yibao_gateway_rate_limited_total");

    private DashboardMetrics() {
    }

    /** Every metric name the dashboards' panel targets under {@code dashboardsDir} use, sorted. */
    public static Set<String> metricNames(Path dashboardsDir) {
        Set<String> names = new TreeSet<>();
        expressions(dashboardsDir).forEach(e -> names.addAll(metricNamesOf(e)));
        return names;
    }

    /** Every panel target's {@code expr} of the dashboards under {@code dashboardsDir}, file by file in name order. */
    public static List<String> expressions(Path dashboardsDir) {
        List<String> expressions = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dashboardsDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                collect(JSON.readTree(Files.readString(file)), expressions);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return expressions;
    }

    /** The metric names one PromQL expression uses, sorted. */
    public static Set<String> metricNamesOf(String expression) {
        String e = STRING.matcher(expression).replaceAll(" ");
        e = GRAFANA_VARIABLE.matcher(e).replaceAll(" ");
        e = MATCHERS.matcher(e).replaceAll(" ");
        e = RANGE.matcher(e).replaceAll(" ");
        e = LABEL_LIST.matcher(e).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = TOKEN.matcher(e);
        while (m.find()) {
            String name = m.group("name");
            if (name == null || KEYWORDS.contains(name.toLowerCase(Locale.ROOT)) || isCalled(e, m.end())) {
                continue;
            }
            names.add(name);
        }
        return names;
    }

    private static boolean isCalled(String e, int end) {
        int i = end;
        while (i < e.length() && Character.isWhitespace(e.charAt(i))) {
            i++;
        }
        return i < e.length() && e.charAt(i) == '(';
    }

    private static void collect(JsonNode node, List<String> expressions) {
        if (node.isObject()) {
            JsonNode targets = node.get("targets");
            if (targets != null && targets.isArray()) {
                for (JsonNode target : targets) {
                    JsonNode expr = target.get("expr");
                    if (expr != null && expr.isString() && !expr.asString().isBlank()) {
                        expressions.add(expr.asString());
                    }
                }
            }
            JsonNode panels = node.get("panels");
            if (panels != null && panels.isArray()) {
                panels.forEach(p -> collect(p, expressions));
            }
        }
    }
}
