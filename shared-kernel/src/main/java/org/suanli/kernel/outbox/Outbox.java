package org.suanli.kernel.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.suanli.kernel.events.EventCodec;
import org.suanli.kernel.events.EventEnvelope;

import java.time.Instant;
import java.util.UUID;

/**
 * Records an event in the caller's transaction: it leaves for Kafka only if the state change commits,
 * and it cannot be lost once it has (the {@link OutboxRelay} publishes it after commit).
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager em;

    @Inject
    EventCodec codec;

    @ConfigProperty(name = "quarkus.application.name")
    String source;

    @ConfigProperty(name = "kernel.events.topic-prefix", defaultValue = "")
    String topicPrefix;

    /** Mandatory transaction: an event without its state change would be a lie. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope record(String topic, String type, String aggregateId, String correlationId, Object payload) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), type, 1, Instant.now(), aggregateId,
                correlationId == null ? aggregateId : correlationId, source, codec.mapper().valueToTree(payload));
        OutboxEvent row = new OutboxEvent();
        row.eventId = envelope.id();
        row.topic = topicPrefix + topic;
        row.type = type;
        row.version = envelope.version();
        row.aggregateId = aggregateId;
        row.correlationId = envelope.correlationId();
        row.occurredAt = envelope.occurredAt();
        row.envelope = codec.write(envelope);
        em.persist(row);
        return envelope;
    }
}
