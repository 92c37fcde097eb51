package org.suanli.kernel.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;

/**
 * The W3C {@code traceparent} string ({@code 00-<trace id>-<span id>-<flags>}) of a span, and back. Plain string
 * work rather than a propagator and a carrier map: it runs once per recorded event on the hot path.
 */
public final class Traceparent {

    private Traceparent() {
    }

    /** The current span's traceparent, or null when there is no valid span (tracing off, outside any request). */
    public static String ofCurrentSpan() {
        return of(Span.current().getSpanContext());
    }

    public static String of(SpanContext span) {
        if (span == null || !span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }

    /**
     * What an event of a long-lived aggregate (an order) should carry so that its whole life is one trace: the
     * current span's traceparent when that span is already in the aggregate's trace (a consumer continuing
     * it), otherwise the aggregate's own (a later request, e.g. a delivery, has a trace of its own, which is
     * linked to the aggregate's). Null-safe: no aggregate trace, the current span's.
     */
    public static String continuing(String aggregateTraceparent) {
        SpanContext current = Span.current().getSpanContext();
        SpanContext aggregate = parse(aggregateTraceparent);
        if (!aggregate.isValid() || (current.isValid() && current.getTraceId().equals(aggregate.getTraceId()))) {
            return of(current);
        }
        if (current.isValid()) {
            Span.current().addLink(aggregate);
        }
        return aggregateTraceparent;
    }

    /** The remote span context a traceparent names; {@link SpanContext#getInvalid()} for null or anything malformed. */
    public static SpanContext parse(String traceparent) {
        // 00-<32 hex>-<16 hex>-<2 hex>: 55 characters; later versions may append fields after a dash.
        if (traceparent == null || traceparent.length() < 55 || traceparent.charAt(2) != '-'
                || traceparent.charAt(35) != '-' || traceparent.charAt(52) != '-'
                || (traceparent.length() > 55 && traceparent.charAt(55) != '-') || traceparent.startsWith("ff")) {
            return SpanContext.getInvalid();
        }
        String flags = traceparent.substring(53, 55);
        if (!isHex(flags)) {
            return SpanContext.getInvalid();
        }
        SpanContext parsed = SpanContext.createFromRemoteParent(traceparent.substring(3, 35), traceparent.substring(36, 52),
                TraceFlags.fromHex(flags, 0), TraceState.getDefault());
        return parsed.isValid() ? parsed : SpanContext.getInvalid();
    }

    /** The trace id of a traceparent (null if it has none); for logs and metrics exemplars. */
    public static String traceId(String traceparent) {
        SpanContext c = parse(traceparent);
        return c.isValid() ? c.getTraceId() : null;
    }

    private static final String FIELD = "\"traceparent\":\"";
    private static final String PAYLOAD = "\"payload\":";

    /**
     * The envelope's top-level traceparent, read from its JSON text without parsing it (the relay sends it as a
     * Kafka header for thousands of events a batch). Safe as a plain search: inside a JSON string every quote
     * is escaped, so the sequence can only be a key; and the outbox writes it before the payload, so a match
     * after {@code "payload":} is not the envelope's.
     */
    public static String inEnvelope(String envelopeJson) {
        if (envelopeJson == null) {
            return null;
        }
        int at = envelopeJson.indexOf(FIELD);
        if (at < 0) {
            return null;
        }
        int payload = envelopeJson.indexOf(PAYLOAD);
        if (payload >= 0 && payload < at) {
            return null;
        }
        int start = at + FIELD.length();
        int end = envelopeJson.indexOf('"', start);
        return end < 0 ? null : envelopeJson.substring(start, end);
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}
