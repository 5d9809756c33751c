package org.yibao.web;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings every application of the platform shares, at the lowest precedence: a service's own
 * application.yml, the environment and the command line all override them. Keeps the services'
 * configuration files down to what is really theirs (name, port, database).
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus,metrics");
        defaults.put("management.endpoint.health.show-details", "always");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        defaults.put("management.metrics.tags.application", "${spring.application.name}");
        defaults.put("management.metrics.distribution.percentiles-histogram.http.server.requests", "true");
        // tracing (issue 27): a tenth of the traces sampled by default (TRACING_SAMPLING_PROBABILITY), the gateway starting
        // every trace (it drops a caller's trace context) and the services following its decision; spans leave only where
        // an OTLP endpoint is set
        // (MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT, e.g. Jaeger's http://jaeger:4318/v1/traces)
        defaults.put("management.tracing.sampling.probability", "${TRACING_SAMPLING_PROBABILITY:0.1}");
        // tracing costs CPU on every call (docs/benchmarks.md §16): on where its spans go somewhere, off otherwise, unless
        // management.tracing.export.enabled says (Boot 4's switch; management.tracing.enabled is deprecated and ignored)
        String endpoint = environment.getProperty("management.opentelemetry.tracing.export.otlp.endpoint");
        defaults.put("management.tracing.export.enabled", Boolean.toString(endpoint != null && !endpoint.isBlank()));
        defaults.put("server.shutdown", "graceful");
        defaults.put("spring.lifecycle.timeout-per-shutdown-phase", "20s");
        defaults.put("spring.main.banner-mode", "off");
        // a body's field the API does not declare is refused naming it (a misspelt "note " would otherwise be dropped
        // silently while the action runs); events between services stay tolerant (IdempotentEventDispatcher)
        defaults.put("spring.jackson.deserialization.fail-on-unknown-properties", "true");
        defaults.put("spring.kafka.bootstrap-servers", "${KAFKA_BOOTSTRAP_SERVERS:localhost:9092}");
        defaults.put("spring.datasource.username", "${DB_USER:postgres}");
        defaults.put("spring.datasource.password", "${DB_PASSWORD:postgres}");
        defaults.put("spring.datasource.hikari.maximum-pool-size", "${DB_POOL_SIZE:10}");
        defaults.put("spring.datasource.hikari.minimum-idle", "2");
        environment.getPropertySources().addLast(new MapPropertySource("yibao-platform-defaults", defaults));
    }
}
