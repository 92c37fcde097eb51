package org.suanli.voucher.hold;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.suanli.kernel.events.EventCodec;
import org.suanli.kernel.events.EventEnvelope;
import org.suanli.kernel.events.contract.OrderEvents;
import org.suanli.kernel.inbox.ApplyInPlace;
import org.suanli.kernel.inbox.Inbox;
import org.suanli.kernel.problem.ProblemException;
import org.suanli.voucher.policy.Category;
import org.suanli.voucher.policy.FacilityType;
import org.suanli.voucher.policy.ZhinengMode;

import java.util.ArrayList;
import java.util.List;

/**
 * Drives holds, redemptions and releases from the order's events. A whole poll of records is applied in
 * one transaction (holds in one batch): the inbox rows, the holds, the budget writes and the outgoing
 * events commit together or not at all, and a redelivered event is skipped by the inbox. If the database
 * fails, the poll is retried in place until it is back.
 */
@ApplicationScoped
public class OrderEventsConsumer {

    private static final Logger LOG = Logger.getLogger(OrderEventsConsumer.class);
    static final String CONSUMER = "voucher-service.orders";

    @Inject
    EventCodec codec;

    @Inject
    Inbox inbox;

    @Inject
    HoldService holds;

    @Inject
    ApplyInPlace applyInPlace;

    @Incoming("orders")
    @Blocking
    public void onOrders(List<String> records) {
        applyInPlace.run("applying " + records.size() + " order events", () -> apply(records));
    }

    void apply(List<String> records) {
        long t0 = System.nanoTime();
        List<EventEnvelope> received = new ArrayList<>();
        for (String json : records) {
            try {
                received.add(codec.read(json));
            } catch (IllegalArgumentException bad) {
                LOG.errorf("skipping an unreadable record on orders: %s", bad.getMessage());
            }
        }
        long tr = System.nanoTime();
        java.util.Set<java.util.UUID> firstTime = inbox.firstDeliveries(CONSUMER, received);
        long ti = System.nanoTime();
        // remove() keeps only the first copy of an event delivered twice within one poll.
        List<EventEnvelope> fresh = received.stream().filter(e -> firstTime.remove(e.id())).toList();
        // Holds first, as one batch: within one order the placement still precedes its later events.
        List<HoldCommand> toHold = new ArrayList<>();
        for (EventEnvelope e : fresh) {
            if (OrderEvents.PLACED.equals(e.type())) {
                try {
                    toHold.add(toCommand(codec.payload(e, OrderEvents.Placed.class)));
                } catch (RuntimeException bad) {
                    LOG.errorf("order %s: placement event %s cannot be held: %s", e.aggregateId(), e.id(), bad.getMessage());
                }
            }
        }
        long t1 = System.nanoTime();
        if (!toHold.isEmpty()) {
            holds.holdAll(toHold).stream().filter(o -> o.conflict() != null)
                    .forEach(o -> LOG.warnf("order %s: %s", o.command().orderId(), o.conflict()));
        }
        long t2 = System.nanoTime();
        for (EventEnvelope e : fresh) {
            try {
                switch (e.type()) {
                    case OrderEvents.DELIVERED -> {
                        OrderEvents.Delivered d = codec.payload(e, OrderEvents.Delivered.class);
                        holds.redeem(d.orderId(), d.actualAmountFen());
                    }
                    case OrderEvents.REJECTED, OrderEvents.CANCELLED, OrderEvents.EXPIRED -> {
                        OrderEvents.Ended end = codec.payload(e, OrderEvents.Ended.class);
                        holds.release(end.orderId(), e.type() + (end.reason() == null ? "" : ": " + end.reason()));
                    }
                    default -> { }
                }
            } catch (ProblemException refused) {
                // Not a fault to retry: the event asks for something the hold's state refuses.
                LOG.warnf("order %s: %s refused: %s", e.aggregateId(), e.type(), refused.getMessage());
            }
        }
        LOG.debugf("applied %d of %d records (%d holds): read %d ms, inbox %d ms, commands %d ms, holds %d ms, rest %d ms",
                fresh.size(), records.size(), toHold.size(), (tr - t0) / 1_000_000, (ti - tr) / 1_000_000, (t1 - ti) / 1_000_000,
                (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
    }

    static HoldCommand toCommand(OrderEvents.Placed p) {
        return new HoldCommand(p.orderId(), p.buyerId(), p.partnerId(), p.partnerCreditCode(), p.partnerApproved(),
                Category.valueOf(p.category()), p.facilityType() == null ? null : FacilityType.valueOf(p.facilityType()),
                p.filedModel(), p.estimatedAmountFen(), p.contractDate(),
                p.zhinengMode() == null ? ZhinengMode.NONE : ZhinengMode.valueOf(p.zhinengMode()));
    }
}
