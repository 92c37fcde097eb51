package org.suanli.kernel.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * What travels on Kafka: a versioned JSON envelope (CloudEvents' fields in our words) around a payload.
 * The Kafka key is the aggregate id, so one aggregate's events stay in order on one partition.
 *
 * <p>{@code traceparent} (W3C Trace Context, optional) is the trace of the change that caused the event, so a
 * consumer continues it (CloudEvents' distributed-tracing extension uses the same name). Envelopes written
 * before it existed have none; it is left out of the JSON when absent.
 */
public record EventEnvelope(UUID id, String type, int version, Instant occurredAt, String aggregateId,
                            String correlationId, String source,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String traceparent, JsonNode payload) {

    /** An envelope with no trace context (tests, replays, events from before tracing). */
    public EventEnvelope(UUID id, String type, int version, Instant occurredAt, String aggregateId,
                         String correlationId, String source, JsonNode payload) {
        this(id, type, version, occurredAt, aggregateId, correlationId, source, null, payload);
    }
}
