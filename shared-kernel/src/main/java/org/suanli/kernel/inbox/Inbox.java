package org.suanli.kernel.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.suanli.kernel.events.EventEnvelope;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The consumer's memory of what it has applied. Called in the same transaction as the event's effect:
 * if the effect rolls back, so does the record, and a redelivered event is recognised and skipped.
 */
@ApplicationScoped
public class Inbox {

    @Inject
    EntityManager em;

    /** True the first time this consumer sees the event (apply it now); false for a redelivery (skip it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, EventEnvelope event) {
        return firstDeliveries(consumer, List.of(event)).contains(event.id());
    }

    /** The ids among {@code events} this consumer has not applied before, recorded as applied now (one statement). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> firstDeliveries(String consumer, List<EventEnvelope> events) {
        Set<UUID> fresh = new HashSet<>();
        if (events.isEmpty()) {
            return fresh;
        }
        em.unwrap(Session.class).doWork(connection -> {
            Array ids = connection.createArrayOf("uuid", events.stream().map(EventEnvelope::id).toArray());
            Array types = connection.createArrayOf("text", events.stream().map(EventEnvelope::type).toArray());
            Array aggregates = connection.createArrayOf("text", events.stream().map(EventEnvelope::aggregateId).toArray());
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into inbox_event (consumer, event_id, event_type, aggregate_id, applied_at)
                    select ?, e.id, e.type, e.aggregate, now() from unnest(?, ?, ?) as e(id, type, aggregate)
                    on conflict do nothing returning event_id""")) {
                insert.setString(1, consumer);
                insert.setArray(2, ids);
                insert.setArray(3, types);
                insert.setArray(4, aggregates);
                try (ResultSet rs = insert.executeQuery()) {
                    while (rs.next()) {
                        fresh.add(rs.getObject(1, UUID.class));
                    }
                }
            }
        });
        return fresh;
    }
}
