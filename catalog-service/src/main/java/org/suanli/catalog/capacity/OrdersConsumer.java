package org.suanli.catalog.capacity;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.suanli.kernel.events.EventCodec;
import org.suanli.kernel.events.EventEnvelope;
import org.suanli.kernel.events.Topics;
import org.suanli.kernel.events.contract.OrderEvents;
import org.suanli.kernel.pipeline.TypedEventHandler;
import org.suanli.kernel.pipeline.EventPipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Capacity follows the order's life: placed → reserve (or refuse); rejected, cancelled, expired →
 * release; delivered → consume the hours used and release the rest. Each event applied once (the
 * pipeline's inbox), each order once (reservation row). Business refusals never throw.
 */
@ApplicationScoped
public class OrdersConsumer extends TypedEventHandler {

    static final String CONSUMER = "catalog.orders";
    private static final Set<String> TYPES = Set.of(OrderEvents.PLACED, OrderEvents.REJECTED, OrderEvents.CANCELLED,
            OrderEvents.EXPIRED, OrderEvents.DELIVERED);

    public OrdersConsumer() {
        super(CONSUMER, Topics.ORDERS, TYPES);
    }

    @Inject
    EventCodec codec;

    @Inject
    CapacityLedger ledger;

    @Inject
    EventPipeline pipeline;

    @Incoming("orders")
    @Blocking
    public void on(ConsumerRecords<String, String> records) {
        pipeline.process(this, records);
    }

    /**
     * The offerings the poll reserves on, releases to or consumes from, locked in id order first: two instances
     * applying polls of different partitions otherwise lock the same popular offerings in opposite orders and
     * deadlock (seen in cluster mode: aborted batches, then orders rejected for no answer on capacity).
     */
    @Override
    public void lockInOrder(List<EventEnvelope> fresh) {
        List<String> offerings = new ArrayList<>();
        List<String> orders = new ArrayList<>();
        for (EventEnvelope e : fresh) {
            if (e.payload() == null) {
                continue;
            }
            if (OrderEvents.PLACED.equals(e.type())) {
                offerings.add(e.payload().path("offeringId").asText(null));
            } else {
                orders.add(e.payload().path("orderId").asText(e.aggregateId()));
            }
        }
        ledger.lockOfferings(offerings, orders);
    }

    @Override
    public boolean appliesWholePolls() {
        return true;
    }

    /** The poll's placements are reserved as one batch first: within one order the placement still precedes its later events. */
    @Override
    public void apply(List<EventEnvelope> fresh) {
        List<CapacityLedger.Request> asks = new ArrayList<>();
        for (EventEnvelope e : fresh) {
            if (OrderEvents.PLACED.equals(e.type())) {
                OrderEvents.Placed p = codec.payload(e, OrderEvents.Placed.class);
                if (p.orderId() == null || p.offeringId() == null) {
                    throw new IllegalArgumentException("OrderPlaced names no order or no offering");
                }
                asks.add(new CapacityLedger.Request(p.orderId(), p.offeringId(), p.gpuHoursTenths(), e.correlationId()));
            }
        }
        if (!asks.isEmpty()) {
            ledger.reserveAll(asks);
        }
        for (EventEnvelope e : fresh) {
            if (!OrderEvents.PLACED.equals(e.type())) {
                applyOne(e);
            }
        }
    }

    @Override
    public void applyOne(EventEnvelope e) {
        switch (e.type()) {
            case OrderEvents.PLACED -> {
                OrderEvents.Placed p = codec.payload(e, OrderEvents.Placed.class);
                if (p.orderId() == null || p.offeringId() == null) {
                    throw new IllegalArgumentException("OrderPlaced names no order or no offering");
                }
                ledger.reserve(p.orderId(), p.offeringId(), p.gpuHoursTenths(), e.correlationId());
            }
            case OrderEvents.DELIVERED -> {
                OrderEvents.Delivered d = codec.payload(e, OrderEvents.Delivered.class);
                if (d.orderId() == null) {
                    throw new IllegalArgumentException("OrderDelivered names no order");
                }
                ledger.consume(d.orderId(), d.usedTenths(), e.correlationId());
            }
            default -> { // rejected, cancelled, expired
                OrderEvents.Ended end = codec.payload(e, OrderEvents.Ended.class);
                String why = end.reason() == null || end.reason().isBlank() ? e.type() : e.type() + ": " + end.reason();
                String orderId = end.orderId() != null ? end.orderId() : e.aggregateId();
                if (orderId == null) {
                    throw new IllegalArgumentException(e.type() + " names no order");
                }
                ledger.release(orderId, why, e.correlationId());
            }
        }
    }
}
