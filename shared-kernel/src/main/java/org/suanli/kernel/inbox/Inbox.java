package org.suanli.kernel.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.suanli.kernel.events.EventEnvelope;

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
        int inserted = em.createNativeQuery("""
                        insert into inbox_event (consumer, event_id, event_type, aggregate_id, applied_at)
                        values (:consumer, :id, :type, :aggregate, now())
                        on conflict do nothing""")
                .setParameter("consumer", consumer)
                .setParameter("id", event.id())
                .setParameter("type", event.type())
                .setParameter("aggregate", event.aggregateId())
                .executeUpdate();
        return inserted == 1;
    }
}
