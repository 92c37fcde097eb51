package org.suanli.settlement.ledger;

import org.suanli.kernel.inbox.ApplyInPlace;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.suanli.kernel.events.EventCodec;
import org.suanli.kernel.events.EventEnvelope;
import org.suanli.kernel.events.contract.OrderEvents;
import org.suanli.kernel.inbox.Inbox;

/**
 * Topic {@code orders}: every OrderCompleted becomes a journal entry. Idempotent twice over: per event (the
 * kernel's inbox, in this transaction) and per order (one completion entry per order id, unique in the
 * database). Other order events are not the ledger's business.
 */
@ApplicationScoped
public class OrderCompletedConsumer {

    static final String CONSUMER = "settlement.orders";

    @Inject
    EventCodec codec;

    @Inject
    Inbox inbox;

    @Inject
    Ledger ledger;

    @Inject
    UnreadableEvents unreadable;

    @Inject
    ApplyInPlace applyInPlace;

    /** In its own transaction, retried in place while the database is away (see {@link ApplyInPlace}). */
    @Incoming("orders")
    @Blocking
    public void on(String json) {
        applyInPlace.run("applying a record of orders", () -> apply(json));
    }

    void apply(String json) {
        EventEnvelope e;
        try {
            e = codec.read(json);
        } catch (IllegalArgumentException notAnEnvelope) {
            unreadable.keep("orders", notAnEnvelope.getMessage(), json);
            return;
        }
        if (!OrderEvents.COMPLETED.equals(e.type())) {
            return;
        }
        if (e.id() == null) {
            unreadable.keep("orders", "an OrderCompleted envelope without an id", json);
            return;
        }
        if (!inbox.firstDelivery(CONSUMER, e)) {
            return;
        }
        try {
            ledger.postCompletion(e.id(), codec.payload(e, OrderEvents.Completed.class));
        } catch (IllegalArgumentException impossible) {
            unreadable.keep("orders", "event " + e.id() + ": " + impossible.getMessage(), json);
        }
    }
}
