package org.suanli.kernel.outbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.suanli.kernel.events.EventCodec;
import org.suanli.kernel.config.KernelConfig;
import org.suanli.kernel.jdbc.CopyRows;
import org.suanli.kernel.tracing.EventTracing;
import org.suanli.kernel.tracing.Traceparent;

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

    /**
     * An event to record: where it goes, what it is, whose it is, and its payload; {@code traceparent} is the trace
     * it continues (W3C), null for the current span's (a batch handler passes each event's cause's, see
     * {@link org.suanli.kernel.tracing.EventTracing#traceparentFor}).
     */
    public record NewEvent(String topic, String type, String aggregateId, String correlationId, Object payload,
                           String traceparent) {

        public NewEvent(String topic, String type, String aggregateId, String correlationId, Object payload) {
            this(topic, type, aggregateId, correlationId, payload, null);
        }
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

    @Inject
    EventTracing tracing;

    /** Mandatory transaction: an event without its state change would be a lie. Returns the event's id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String topic, String type, String aggregateId, String correlationId, Object payload) {
        return recordAll(List.of(new NewEvent(topic, type, aggregateId, correlationId, payload))).get(0);
    }

    /** As {@link #record(String, String, String, String, Object)}, continuing the given trace (W3C traceparent). */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String topic, String type, String aggregateId, String correlationId, Object payload,
                       String traceparent) {
        return recordAll(List.of(new NewEvent(topic, type, aggregateId, correlationId, payload, traceparent))).get(0);
    }

    /**
     * The envelope as it travels: the same JSON as {@link org.suanli.kernel.events.EventEnvelope}, with the payload serialised straight
     * from its record (no intermediate tree: this is on the hot path of every batch of holds).
     */
    record Wire(UUID id, String type, int version, Instant occurredAt, String aggregateId, String correlationId,
                String source, @JsonInclude(JsonInclude.Include.NON_NULL) String traceparent, Object payload) {
    }

    /** Many events in one statement, in the given order (which is the order they will be published in). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> recordAll(List<NewEvent> events) {
        List<Wire> wires = new ArrayList<>(events.size());
        Instant now = Instant.now();
        // The trace the events continue unless the caller named one: the span of the request or of the consumed event.
        String current = Traceparent.ofCurrentSpan();
        for (NewEvent e : events) {
            String correlation = e.correlationId() == null ? e.aggregateId() : e.correlationId();
            String trace = e.traceparent();
            if (trace == null) { // in a batch of many orders, each event continues its own order's trace
                String ofItsOrder = tracing.traceparentInBatch(correlation);
                trace = ofItsOrder == null ? current : ofItsOrder;
            }
            wires.add(new Wire(UUID.randomUUID(), e.type(), 1, now, e.aggregateId(), correlation, source, trace,
                    e.payload()));
        }
        if (events.isEmpty()) {
            return List.of();
        }
        // COPY: a batch of holds records thousands of events in one transaction.
        CopyRows rows = new CopyRows();
        String prefix = config.events().topicPrefix().orElse("");
        for (int i = 0; i < events.size(); i++) {
            Wire env = wires.get(i);
            rows.uuid(env.id()).text(prefix + events.get(i).topic()).text(env.type()).number(env.version())
                    .text(env.aggregateId()).text(env.correlationId()).timestamp(env.occurredAt()).text(codec.write(env)).endRow();
        }
        em.unwrap(Session.class).doWork(connection -> rows.copyInto(connection, "outbox_event",
                "event_id, topic, event_type, event_version, aggregate_id, correlation_id, occurred_at, envelope"));
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
