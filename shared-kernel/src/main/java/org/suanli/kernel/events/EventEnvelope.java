package org.suanli.kernel.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * What travels on Kafka: a versioned JSON envelope (CloudEvents' fields in our words) around a payload.
 * The Kafka key is the aggregate id, so one aggregate's events stay in order on one partition.
 */
public record EventEnvelope(UUID id, String type, int version, Instant occurredAt, String aggregateId,
                            String correlationId, String source, JsonNode payload) {
}
