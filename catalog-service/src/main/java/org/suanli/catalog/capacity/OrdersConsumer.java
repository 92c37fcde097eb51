package org.suanli.catalog.capacity;

import org.suanli.kernel.inbox.ApplyInPlace;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.suanli.kernel.events.EventCodec;
import org.suanli.kernel.events.EventEnvelope;
import org.suanli.kernel.events.contract.OrderEvents;
import org.suanli.kernel.inbox.Inbox;

/**
 * Capacity follows the order's life: placed → reserve (or refuse); rejected, cancelled, expired →
 * release; delivered → consume the hours used and release the rest. Each event applied once (inbox),
 * each order once (reservation row). Business refusals never throw; only infrastructure does, and then
 * the transaction rolls back and the record comes again.
 */
@ApplicationScoped
public class OrdersConsumer {

    private static final Logger LOG = Logger.getLogger(OrdersConsumer.class);
    static final String CONSUMER = "catalog.orders";

    @Inject
    EventCodec codec;

    @Inject
    Inbox inbox;

    @Inject
    CapacityLedger ledger;

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
            e = codec.read(json); // tolerant of fields producers add
        } catch (Exception bad) {
            LOG.errorf("unreadable record on the orders topic skipped: %s", bad.getMessage());
            return;
        }
        if (e.id() == null || e.type() == null) {
            LOG.errorf("record without event id or type on the orders topic skipped: %s", json);
            return;
        }
        if (!inbox.firstDelivery(CONSUMER, e)) {
            return;
        }
        try {
            switch (e.type()) {
                case OrderEvents.PLACED -> {
                    OrderEvents.Placed p = codec.payload(e, OrderEvents.Placed.class);
                    if (p.orderId() == null || p.offeringId() == null) {
                        LOG.errorf("OrderPlaced %s names no order or no offering: skipped", e.id());
                        return;
                    }
                    ledger.reserve(p.orderId(), p.offeringId(), p.gpuHoursTenths(), e.correlationId());
                }
                case OrderEvents.REJECTED, OrderEvents.CANCELLED, OrderEvents.EXPIRED -> {
                    OrderEvents.Ended end = codec.payload(e, OrderEvents.Ended.class);
                    String why = end.reason() == null || end.reason().isBlank() ? e.type() : e.type() + ": " + end.reason();
                    String orderId = end.orderId() != null ? end.orderId() : e.aggregateId();
                    if (orderId == null) {
                        LOG.errorf("%s %s names no order: skipped", e.type(), e.id());
                        return;
                    }
                    ledger.release(orderId, why, e.correlationId());
                }
                case OrderEvents.DELIVERED -> {
                    OrderEvents.Delivered d = codec.payload(e, OrderEvents.Delivered.class);
                    if (d.orderId() == null) {
                        LOG.errorf("OrderDelivered %s names no order: skipped", e.id());
                        return;
                    }
                    ledger.consume(d.orderId(), d.usedTenths(), e.correlationId());
                }
                default -> {
                    // not ours to react to
                }
            }
        } catch (IllegalArgumentException bad) {
            LOG.errorf("event %s (%s) has an unreadable payload, skipped: %s", e.id(), e.type(), bad.getMessage());
        }
    }
}
