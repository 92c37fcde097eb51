package org.suanli.kernel.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The envelope gained a traceparent: events written before it still read, and it is left out when absent. */
class EventEnvelopeTest {

    final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Test
    void an_envelope_written_before_tracing_reads_with_no_traceparent() throws Exception {
        EventEnvelope e = mapper.readValue("""
                {"id":"8d1f0c52-5b4a-4e59-9d7e-3c1b2a0f9e11","type":"OrderPlaced","version":1,
                 "occurredAt":"2026-11-22T08:00:00Z","aggregateId":"ord-1","correlationId":"ord-1",
                 "source":"order-service","payload":{"orderId":"ord-1"}}""", EventEnvelope.class);
        assertEquals("ord-1", e.aggregateId());
        assertEquals("ord-1", e.payload().path("orderId").asText());
        assertNull(e.traceparent());
    }

    @Test
    void the_traceparent_travels_when_there_is_one_and_is_left_out_when_not() throws Exception {
        String tp = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        EventEnvelope traced = new EventEnvelope(UUID.randomUUID(), "OrderPlaced", 1, Instant.parse("2026-11-22T08:00:00Z"),
                "ord-1", "ord-1", "order-service", tp, mapper.createObjectNode());
        assertEquals(tp, mapper.readValue(mapper.writeValueAsString(traced), EventEnvelope.class).traceparent());

        EventEnvelope untraced = new EventEnvelope(UUID.randomUUID(), "OrderPlaced", 1, Instant.now(), "ord-1", "ord-1",
                "order-service", mapper.createObjectNode());
        assertFalse(mapper.writeValueAsString(untraced).contains("traceparent"));
    }
}
