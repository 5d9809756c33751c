package org.yibao.messaging.tracing;

/**
 * Carries a trace across the outbox (issue 27): the trace current when an event is appended is stored with it (W3C
 * {@code traceparent}), the relay sends it as the record's {@code traceparent} header, and a consumer applies the event
 * in a span that is that trace's child. So one trace runs from a hospital's call through the service that settled it to
 * every consumer's effect, and on through the events those consumers append. {@link #NONE} where no tracer is configured.
 */
public interface EventTracing {

    /** The record header, and the W3C Trace Context field, that carries a trace. */
    String TRACEPARENT = "traceparent";

    /** The current trace as a W3C traceparent ({@code 00-<trace id>-<span id>-<flags>}, 55 characters), or null. */
    String currentTraceParent();

    /**
     * Runs the work in a consumer span named {@code name}, the child of {@code traceParent} (a new trace when it is null
     * or malformed); a failure is recorded on the span and thrown on.
     */
    void inConsumerSpan(String traceParent, String name, String topic, Runnable work);

    /** No tracing: nothing stored, the work run as it is. */
    EventTracing NONE = new EventTracing() {
        @Override
        public String currentTraceParent() {
            return null;
        }

        @Override
        public void inConsumerSpan(String traceParent, String name, String topic, Runnable work) {
            work.run();
        }
    };
}
