package org.suanli.order.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.suanli.kernel.events.Topics;
import org.suanli.kernel.events.contract.OrderEvents;
import org.suanli.kernel.outbox.Outbox;
import org.suanli.kernel.tracing.Traceparent;
import org.suanli.order.metrics.OrderMetrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The events of an order's life, written in the transaction of the change (topic {@code orders}, key = order id). */
@ApplicationScoped
public class OrderOutbox {

    @Inject
    Outbox outbox;

    @Inject
    OrderMetrics metrics;

    /**
     * OrderPlaced of orders created together, in one statement. Each continues the trace of the request that
     * placed it ({@link Order#traceparent}, taken on that request's thread: the batch is written on another's).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void placed(List<Order> orders) {
        List<Outbox.NewEvent> placed = new ArrayList<>(orders.size());
        for (Order o : orders) {
            metrics.placed();
            placed.add(new Outbox.NewEvent(Topics.ORDERS, OrderEvents.PLACED, o.id, o.id, new OrderEvents.Placed(o.id,
                    o.buyerId, o.partnerId, o.partnerCreditCode, o.partnerApproved, o.offeringId, o.facilityId, o.district,
                    o.category, o.facilityType, o.filingNumber != null && !o.filingNumber.isBlank(), o.gpuHoursTenths,
                    o.unitPriceFen, o.estimatedAmountFen, o.windowStart, o.windowEnd, o.zhinengMode.name(),
                    o.contractDate), o.traceparent));
        }
        outbox.recordAll(placed);
    }

    /** The event a transition calls for (nothing for PLACED, which {@link #placed} records). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void after(Order o, Transition t) {
        metrics.transition(t.from(), t.to(), o.placedAt, Instant.now());
        switch (t.to()) {
            case CONFIRMED -> record(o, OrderEvents.CONFIRMED, new OrderEvents.Confirmed(o.id));
            case REJECTED -> record(o, OrderEvents.REJECTED, new OrderEvents.Ended(o.id, o.endReason));
            case CANCELLED -> record(o, OrderEvents.CANCELLED, new OrderEvents.Ended(o.id, o.endReason));
            case EXPIRED -> record(o, OrderEvents.EXPIRED, new OrderEvents.Ended(o.id, o.endReason));
            case DELIVERED -> record(o, OrderEvents.DELIVERED, new OrderEvents.Delivered(o.id, o.offeringId,
                    o.gpuHoursTenths, o.usedTenths, o.actualAmountFen, o.invoiceNumber));
            case COMPLETED -> record(o, OrderEvents.COMPLETED, new OrderEvents.Completed(o.id, o.buyerId, o.partnerId,
                    o.offeringId, o.facilityId, o.district, o.category, o.facilityType, o.contractDate,
                    o.actualAmountFen, o.suanliFen, o.zhinengFen, o.buyerPaysFen, o.partnerOwedFen, o.invoiceNumber,
                    o.completedAt, o.partnerName));
            case PLACED -> {
            }
        }
    }

    private void record(Order o, String type, Object payload) {
        outbox.record(Topics.ORDERS, type, o.id, o.id, payload, Traceparent.continuing(o.traceparent));
    }
}
