package org.suanli.kernel.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.suanli.kernel.events.EventCodec;
import org.suanli.kernel.config.KernelConfig;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Records events in the caller's transaction: they leave for Kafka only if the state change commits,
 * and cannot be lost once it has (the {@link OutboxRelay} publishes them after commit).
 */
@ApplicationScoped
public class Outbox {

    /** An event to record: where it goes, what it is, whose it is, and its payload. */
    public record NewEvent(String topic, String type, String aggregateId, String correlationId, Object payload) {
    }

    @Inject
    EntityManager em;

    @Inject
    EventCodec codec;

    @ConfigProperty(name = "quarkus.application.name")
    String source;

    @Inject
    KernelConfig config;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    /** Mandatory transaction: an event without its state change would be a lie. Returns the event's id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String topic, String type, String aggregateId, String correlationId, Object payload) {
        return recordAll(List.of(new NewEvent(topic, type, aggregateId, correlationId, payload))).get(0);
    }

    /**
     * The envelope as it travels: the same JSON as {@link org.suanli.kernel.events.EventEnvelope}, with the payload serialised straight
     * from its record (no intermediate tree: this is on the hot path of every batch of holds).
     */
    record Wire(UUID id, String type, int version, Instant occurredAt, String aggregateId, String correlationId,
                        String source, Object payload) {
    }

    /** Many events in one JDBC batch, in the given order (which is the order they will be published in). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> recordAll(List<NewEvent> events) {
        List<Wire> wires = new ArrayList<>(events.size());
        Instant now = Instant.now();
        for (NewEvent e : events) {
            wires.add(new Wire(UUID.randomUUID(), e.type(), 1, now, e.aggregateId(),
                    e.correlationId() == null ? e.aggregateId() : e.correlationId(), source, e.payload()));
        }
        if (events.isEmpty()) {
            return List.of();
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into outbox_event (event_id, topic, event_type, event_version, aggregate_id, correlation_id,
                                              occurred_at, envelope) values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (int i = 0; i < events.size(); i++) {
                    Wire env = wires.get(i);
                    insert.setObject(1, env.id());
                    insert.setString(2, config.events().topicPrefix().orElse("") + events.get(i).topic());
                    insert.setString(3, env.type());
                    insert.setInt(4, env.version());
                    insert.setString(5, env.aggregateId());
                    insert.setString(6, env.correlationId());
                    insert.setTimestamp(7, Timestamp.from(env.occurredAt()));
                    insert.setString(8, codec.write(env));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
        return wires.stream().map(Wire::id).toList();
    }
}
