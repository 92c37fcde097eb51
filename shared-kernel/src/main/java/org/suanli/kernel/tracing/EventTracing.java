package org.suanli.kernel.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.suanli.kernel.events.EventEnvelope;
import org.suanli.kernel.logging.LogFields;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Continues an event's trace in its consumer: the work runs in a CONSUMER span whose parent is the envelope's
 * {@code traceparent}, so whatever the work records in the outbox carries the same trace on (the outbox stamps
 * the current span). One order's POST, reservation, hold, confirmation, delivery, redemption and settlement
 * posting thus form one trace across the four services.
 *
 * <p>A batch is one span: its parent is the first traced event's context (so a batch of one, the usual case
 * when traffic is light, stays inside its order's trace) and it links to every other event's context. Events
 * produced for one event of the batch should carry that event's trace: {@link #traceparentFor}.
 */
@ApplicationScoped
public class EventTracing {

    /** The events of the batch being applied on this thread, by the order they are about. */
    private static final ThreadLocal<Map<String, EventEnvelope>> BATCH_CAUSES = new ThreadLocal<>();

    static final AttributeKey<String> ORDER_ID = Correlation.ORDER_ID;
    static final AttributeKey<String> AGGREGATE_ID = AttributeKey.stringKey("suanli.aggregate_id");
    static final AttributeKey<String> EVENT_ID = AttributeKey.stringKey("messaging.message.id");
    static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("suanli.event_type");
    static final AttributeKey<String> CONSUMER = AttributeKey.stringKey("messaging.consumer.group.name");
    static final AttributeKey<Long> BATCH_SIZE = AttributeKey.longKey("messaging.batch.message_count");
    /** The SDK keeps 128 links by default; more would be dropped anyway. */
    static final int MAX_LINKS = 128;

    private final Tracer tracer;

    @Inject
    public EventTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("org.suanli.kernel");
    }

    /** Runs {@code work} for one event in a span named "{@code <consumer> <event type>}" continuing the event's trace. */
    public <T> T consume(String consumer, EventEnvelope event, Supplier<T> work) {
        String orderId = orderIdOf(event);
        SpanBuilder builder = tracer.spanBuilder(consumer + " " + event.type())
                .setSpanKind(SpanKind.CONSUMER)
                .setParent(parentOf(event.traceparent()))
                .setAttribute(CONSUMER, consumer)
                .setAttribute(EVENT_ID, String.valueOf(event.id()))
                .setAttribute(EVENT_TYPE, event.type())
                .setAttribute(AGGREGATE_ID, event.aggregateId());
        if (orderId != null) {
            builder.setAttribute(ORDER_ID, orderId);
        }
        Object mdcBefore = LogFields.put(LogFields.ORDER_ID, orderId);
        try {
            return inSpan(builder.startSpan(), work);
        } finally {
            LogFields.restore(LogFields.ORDER_ID, mdcBefore);
        }
    }

    /** Runs {@code work} for a batch of events in one span linked to each event's trace. */
    public <T> T consumeBatch(String consumer, List<EventEnvelope> events, Supplier<T> work) {
        SpanBuilder builder = tracer.spanBuilder(consumer + " batch")
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute(CONSUMER, consumer)
                .setAttribute(BATCH_SIZE, (long) events.size());
        SpanContext parent = null;
        Set<String> linked = new HashSet<>();
        for (EventEnvelope e : events) {
            SpanContext c = Traceparent.parse(e.traceparent());
            if (!c.isValid()) {
                continue;
            }
            if (parent == null) {
                parent = c;
            } else if (linked.size() < MAX_LINKS && !c.getTraceId().equals(parent.getTraceId()) && linked.add(c.getSpanId())) {
                builder.addLink(c);
            }
        }
        builder.setParent(parent == null ? Context.current() : Context.root().with(Span.wrap(parent)));
        if (events.size() == 1) {
            builder.setAttribute(EVENT_ID, String.valueOf(events.get(0).id()))
                    .setAttribute(EVENT_TYPE, events.get(0).type());
            String orderId = orderIdOf(events.get(0));
            if (orderId != null) {
                builder.setAttribute(ORDER_ID, orderId); // a batch of one is that order's step, searchable by order
            }
        }
        Map<String, EventEnvelope> causes = new HashMap<>();
        for (EventEnvelope e : events) {
            String orderId = orderIdOf(e);
            if (orderId != null && e.traceparent() != null) {
                causes.putIfAbsent(orderId, e);
            }
        }
        Map<String, EventEnvelope> outer = BATCH_CAUSES.get();
        BATCH_CAUSES.set(causes);
        try {
            return inSpan(builder.startSpan(), work);
        } finally {
            BATCH_CAUSES.set(outer);
        }
    }

    /**
     * The traceparent an event about {@code orderId} recorded while a batch is applied should carry: that of the
     * batch's event about the same order ({@link #traceparentFor}), so each order's SubsidyHeld stays in its own
     * order's trace however many orders one batch holds. Null outside a batch or for an order it has no event of.
     */
    public String traceparentInBatch(String orderId) {
        Map<String, EventEnvelope> causes = BATCH_CAUSES.get();
        EventEnvelope cause = causes == null || orderId == null ? null : causes.get(orderId);
        return cause == null ? null : traceparentFor(cause);
    }

    /**
     * The traceparent an event produced because of {@code cause} should carry (pass it to
     * {@link org.suanli.kernel.outbox.Outbox.NewEvent}): the current span's when it is in the cause's trace (a
     * consume span, or a batch span whose parent is this cause), otherwise the cause's own.
     */
    public String traceparentFor(EventEnvelope cause) {
        SpanContext current = Span.current().getSpanContext();
        String theirs = cause.traceparent();
        if (current.isValid() && theirs != null && theirs.length() >= 35
                && theirs.regionMatches(3, current.getTraceId(), 0, 32)) {
            return Traceparent.of(current);
        }
        return theirs;
    }

    /** The envelope's own traceparent (null when it has none). */
    public static String traceparentOf(EventEnvelope event) {
        return event.traceparent();
    }

    /**
     * The order an event is about: its correlation id (the order id for the order flow: catalog's capacity
     * answers are keyed by offering but correlated to the order), but none for catalog's partner and offering
     * changes, which belong to no order.
     */
    static String orderIdOf(EventEnvelope event) {
        String type = event.type();
        if (type != null && (type.startsWith("Offering") || type.startsWith("Partner"))) {
            return null;
        }
        return event.correlationId() != null ? event.correlationId() : event.aggregateId();
    }

    private static Context parentOf(String traceparent) {
        SpanContext remote = Traceparent.parse(traceparent);
        // No trace on the event (older events, tracing off at the producer): a trace of its own, or the caller's.
        return remote.isValid() ? Context.root().with(Span.wrap(remote)) : Context.current();
    }

    private static <T> T inSpan(Span span, Supplier<T> work) {
        try (Scope ignored = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException | Error e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }
}
