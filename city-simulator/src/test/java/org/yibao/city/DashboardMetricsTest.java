package org.yibao.city;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** DashboardMetrics finds the metric names of PromQL expressions and of the dashboards in deploy/grafana/dashboards. */
class DashboardMetricsTest {

    private static final Path DASHBOARDS = Path.of("../deploy/grafana/dashboards");

    @Test
    void aRateByClientGivesItsMetricOnly() {
        assertThat(DashboardMetrics.metricNamesOf(
                "sum by (client) (rate(spring_cloud_gateway_requests_seconds_count{status=~\"5..\"}[5m]))"))
                .containsExactly("spring_cloud_gateway_requests_seconds_count");
    }

    @Test
    void aQuantileGivesItsBucketsNotLeNorTheNumber() {
        assertThat(DashboardMetrics.metricNamesOf(
                "histogram_quantile(0.99, sum by (le) (rate(http_server_requests_seconds_bucket[5m])))"))
                .containsExactly("http_server_requests_seconds_bucket");
    }

    @Test
    void labelsStringsGrafanaVariablesKeywordsAndDurationsAreNotMetrics() {
        assertThat(DashboardMetrics.metricNamesOf(
                "sum(rate(yibao_outbox_published_total{application=~\"$application\", topic!=\"a_b\"}[$__rate_interval])) by (application, topic)"
                        + " / on (application) group_left sum without (type) (yibao_outbox_backlog offset 5m) > bool 0"
                        + " or vector(0) and ${other} unless max_over_time(yibao_outbox_oldest_age_seconds[1h:1m]) * 1e3"))
                .containsExactly("yibao_outbox_backlog", "yibao_outbox_oldest_age_seconds", "yibao_outbox_published_total");
    }

    @Test
    void readsEveryTargetOfEveryPanelIncludingARowsNestedPanels(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.json"), """
                {"uid": "a", "panels": [
                  {"type": "timeseries", "targets": [{"refId": "A", "expr": "sum(rate(x_total[5m]))"}]},
                  {"type": "row", "collapsed": true, "panels": [
                    {"type": "stat", "targets": [{"refId": "A", "expr": "max by (application) (y_seconds{a=\\"b\\"})"}]}]}],
                 "templating": {"list": [{"name": "application", "query": "label_values(z, application)"}]}}
                """);
        Files.writeString(dir.resolve("notes.txt"), "not a dashboard");

        assertThat(DashboardMetrics.expressions(dir))
                .containsExactly("sum(rate(x_total[5m]))", "max by (application) (y_seconds{a=\"b\"})");
        assertThat(DashboardMetrics.metricNames(dir)).containsExactly("x_total", "y_seconds");
    }

    @Test
    void theProvisionedDashboardsUseTheIssuesMetrics() {
        assertThat(DashboardMetrics.expressions(DASHBOARDS)).isNotEmpty();
        assertThat(DashboardMetrics.metricNames(DASHBOARDS))
                .allMatch(name -> name.matches("[a-zA-Z_:][a-zA-Z0-9_:]*"))
                .contains("yibao_settlement_bills_total", "http_server_requests_seconds_bucket",
                        "http_server_requests_seconds_count", "yibao_gateway_rate_limited_total",
                        "yibao_outbox_backlog", "yibao_outbox_oldest_age_seconds", "yibao_outbox_publish_delay_seconds_bucket",
                        "yibao_outbox_publish_failures_total", "yibao_consumer_events_total",
                        "yibao_consumer_event_latency_seconds_bucket", "kafka_consumer_fetch_manager_records_lag_max",
                        "yibao_consumer_dead_letters_total");
    }

    @Test
    void theCountersSeenOnlyOnceCountedAreCountedInTheCode() throws IOException {
        // yibao_consumer_dead_letters_total is Micrometer's "yibao.consumer.dead.letters" as Prometheus names it
        for (String counter : DashboardMetrics.COUNTED_WHEN_FIRST_SEEN) {
            String micrometerName = "\"" + counter.replaceFirst("_total$", "").replace('_', '.') + "\"";
            try (var files = Files.walk(Path.of(".."))) {
                boolean named = files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/"))
                        .anyMatch(f -> {
                            try {
                                return Files.readString(f).contains(micrometerName);
                            } catch (IOException e) {
                                return false;
                            }
                        });
                assertThat(named).as("%s counted somewhere in the services' code", micrometerName).isTrue();
            }
        }
    }
}
