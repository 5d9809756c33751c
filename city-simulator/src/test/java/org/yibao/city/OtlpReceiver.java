package org.yibao.city;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * A tracing backend for a test: receives the spans the platform's applications export over OTLP/HTTP (protobuf, the
 * encoding Jaeger and Tempo take), decoded with OpenTelemetry's own protocol classes, and keeps, per trace, which
 * application made which span ({@code settlement-service: http post /api/settlement/settlements}).
 */
final class OtlpReceiver implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, Set<String>> spansByTrace = new ConcurrentHashMap<>();
    private final AtomicLong spans = new AtomicLong();

    OtlpReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/traces", exchange -> {
            try (InputStream body = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                receive(ExportTraceServiceRequest.parseFrom(body));
                byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
                exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            } catch (IOException | RuntimeException e) {
                exchange.sendResponseHeaders(400, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** Where the applications send their spans: {@code management.opentelemetry.tracing.export.otlp.endpoint}. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
    }

    long spansReceived() {
        return spans.get();
    }

    /**
     * A trace (its spans as "application: span name") holding, for each of the given beginnings, a span that begins so,
     * if one was received.
     */
    Optional<Set<String>> traceWith(java.util.List<String> beginnings) {
        return spansByTrace.values().stream()
                .filter(spans -> beginnings.stream().allMatch(b -> spans.stream().anyMatch(s -> s.startsWith(b))))
                .findFirst();
    }

    /** The traces holding a span of the application whose name starts with the prefix. */
    long tracesWith(String application, String spanPrefix) {
        return spansByTrace.values().stream()
                .filter(spans -> spans.stream().anyMatch(s -> s.startsWith(application + ": " + spanPrefix))).count();
    }

    private void receive(ExportTraceServiceRequest request) {
        for (ResourceSpans resource : request.getResourceSpansList()) {
            String application = resource.getResource().getAttributesList().stream()
                    .filter(a -> a.getKey().equals("service.name")).map(KeyValue::getValue).map(v -> v.getStringValue())
                    .findFirst().orElse("?");
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                for (Span span : scope.getSpansList()) {
                    String trace = HexFormat.of().formatHex(span.getTraceId().toByteArray());
                    spansByTrace.computeIfAbsent(trace, t -> ConcurrentHashMap.newKeySet()).add(application + ": " + span.getName());
                    spans.incrementAndGet();
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
