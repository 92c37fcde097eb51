package org.suanli.kernel.tracing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suanli.kernel.events.EventEnvelope;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A consumer continues the trace its event carries, with the real OpenTelemetry SDK recording the spans. */
class EventTracingTest {

    static final String ORDER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String PLACED_BY = "00-" + ORDER_TRACE + "-00f067aa0ba902b7-01";
    static final String OTHER = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    final List<SpanData> finished = new CopyOnWriteArrayList<>();
    SdkTracerProvider provider;
    EventTracing tracing;

    @BeforeEach
    void sdk() {
        provider = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                finished.addAll(spans);
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        })).build();
        tracing = new EventTracing(OpenTelemetrySdk.builder().setTracerProvider(provider).build());
    }

    @AfterEach
    void close() {
        provider.close();
    }

    static EventEnvelope event(String type, String order, String traceparent) {
        return new EventEnvelope(UUID.randomUUID(), type, 1, Instant.now(), order, order, "order-service", traceparent,
                new ObjectMapper().createObjectNode());
    }

    @Test
    void the_consumer_span_continues_the_order_s_trace_and_what_it_records_carries_it_on() {
        EventEnvelope placed = event("OrderPlaced", "ord-1", PLACED_BY);

        String recorded = tracing.consume("voucher-service.orders", placed, () -> {
            assertEquals("ord-1", MDC.get("orderId"));
            return Traceparent.ofCurrentSpan();
        });

        SpanData span = finished.get(0);
        assertEquals("voucher-service.orders OrderPlaced", span.getName());
        assertEquals(SpanKind.CONSUMER, span.getKind());
        assertEquals(ORDER_TRACE, span.getTraceId());
        assertEquals("00f067aa0ba902b7", span.getParentSpanId());
        assertEquals("ord-1", span.getAttributes().get(EventTracing.ORDER_ID));
        assertEquals(placed.id().toString(), span.getAttributes().get(EventTracing.EVENT_ID));
        // An event recorded inside names the consumer span as its parent: same trace, the next hop.
        assertEquals("00-" + ORDER_TRACE + "-" + span.getSpanId() + "-01", recorded);
        assertNull(MDC.get("orderId"), "the order id leaves the log fields with the event");
    }

    @Test
    void an_event_without_a_trace_starts_one_and_a_failure_is_recorded_on_the_span() {
        RuntimeException boom = new IllegalStateException("database gone");
        try {
            tracing.consume("catalog.orders", event("OrderPlaced", "ord-2", null), () -> {
                throw boom;
            });
        } catch (IllegalStateException expected) {
            assertEquals(boom, expected);
        }
        SpanData span = finished.get(0);
        assertTrue(span.getTraceId().matches("[0-9a-f]{32}"));
        assertEquals(io.opentelemetry.api.trace.StatusCode.ERROR, span.getStatus().getStatusCode());
    }

    @Test
    void a_batch_is_one_span_in_the_first_event_s_trace_linked_to_the_others() {
        EventEnvelope first = event("OrderPlaced", "ord-1", PLACED_BY);
        EventEnvelope second = event("OrderPlaced", "ord-2", OTHER);
        EventEnvelope untraced = event("OrderPlaced", "ord-3", null);

        List<String> stamped = tracing.consumeBatch("voucher-service.orders", List.of(first, second, untraced),
                () -> List.of(tracing.traceparentFor(first), tracing.traceparentFor(second)));

        assertEquals(1, finished.size());
        SpanData batch = finished.get(0);
        assertEquals(ORDER_TRACE, batch.getTraceId());
        assertEquals(List.of("0af7651916cd43dd8448eb211c80319c"),
                batch.getLinks().stream().map(LinkData::getSpanContext).map(c -> c.getTraceId()).toList());
        // ord-1's SubsidyHeld continues through the batch span; ord-2's continues its own order's trace.
        assertEquals("00-" + ORDER_TRACE + "-" + batch.getSpanId() + "-01", stamped.get(0));
        assertEquals(OTHER, stamped.get(1));
    }

    @Test
    void in_a_batch_what_is_recorded_about_an_order_continues_that_order_s_trace() {
        EventEnvelope first = event("OrderPlaced", "ord-1", PLACED_BY);
        EventEnvelope second = event("OrderPlaced", "ord-2", OTHER);
        EventEnvelope untraced = event("OrderPlaced", "ord-3", null);

        List<String> stamped = tracing.consumeBatch("voucher-service.orders", List.of(first, second, untraced),
                () -> java.util.Arrays.asList(tracing.traceparentInBatch("ord-1"), tracing.traceparentInBatch("ord-2"),
                        tracing.traceparentInBatch("ord-3"), tracing.traceparentInBatch("not-in-the-batch")));

        SpanData batch = finished.get(0);
        assertEquals("00-" + ORDER_TRACE + "-" + batch.getSpanId() + "-01", stamped.get(0));
        assertEquals(OTHER, stamped.get(1), "ord-2's SubsidyHeld stays in ord-2's trace, not the batch's first order's");
        assertNull(stamped.get(2), "an order whose event had no trace: the outbox falls back to the current span");
        assertNull(stamped.get(3));
        assertNull(tracing.traceparentInBatch("ord-2"), "outside the batch nothing is remembered");
    }

    @Test
    void traceparents_are_read_strictly_and_found_in_an_envelope_without_parsing_it() {
        assertEquals(ORDER_TRACE, Traceparent.traceId(PLACED_BY));
        assertNull(Traceparent.traceId("00-" + ORDER_TRACE + "-00f067aa0ba902b7"));
        assertNull(Traceparent.traceId("00-00000000000000000000000000000000-00f067aa0ba902b7-01"));
        assertNull(Traceparent.traceId(null));

        String envelope = "{\"id\":\"x\",\"type\":\"OrderPlaced\",\"aggregateId\":\"o\\\"traceparent\\\":\\\"no\","
                + "\"traceparent\":\"" + PLACED_BY + "\",\"payload\":{\"traceparent\":\"not this one\"}}";
        assertEquals(PLACED_BY, Traceparent.inEnvelope(envelope));
        assertNull(Traceparent.inEnvelope("{\"id\":\"x\",\"payload\":{\"traceparent\":\"" + OTHER + "\"}}"));
        assertNotEquals(PLACED_BY, Traceparent.inEnvelope("{}"));
    }
}
