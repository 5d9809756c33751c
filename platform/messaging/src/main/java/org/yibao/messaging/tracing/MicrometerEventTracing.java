package org.yibao.messaging.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import java.util.HashMap;
import java.util.Map;

/**
 * {@link EventTracing} by Micrometer Tracing (the OpenTelemetry bridge in the services): the propagator writes and reads
 * the W3C traceparent, the tracer makes the consumer's span.
 */
public final class MicrometerEventTracing implements EventTracing {

    private final Tracer tracer;
    private final Propagator propagator;

    public MicrometerEventTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public String currentTraceParent() {
        TraceContext context = tracer.currentTraceContext().context();
        if (context == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(context, carrier, Map::put);
        String traceParent = carrier.get(TRACEPARENT);
        return traceParent != null && traceParent.length() <= 64 ? traceParent : null;
    }

    @Override
    public void inConsumerSpan(String traceParent, String name, String topic, Runnable work) {
        Span.Builder builder = traceParent == null ? tracer.spanBuilder()
                : propagator.extract(Map.of(TRACEPARENT, traceParent), Map::get);
        Span span = builder.name(name).kind(Span.Kind.CONSUMER).tag("messaging.destination.name", topic).start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            work.run();
        } catch (RuntimeException | Error e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
