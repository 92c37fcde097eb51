package org.suanli.voucher.hold;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.suanli.kernel.events.EventCodec;
import org.suanli.kernel.events.EventEnvelope;
import org.suanli.kernel.events.contract.OrderEvents;
import org.suanli.kernel.events.Topics;
import org.suanli.kernel.pipeline.TypedEventHandler;
import org.suanli.kernel.pipeline.EventPipeline;
import org.suanli.kernel.problem.ProblemException;
import org.suanli.voucher.policy.Category;
import org.suanli.voucher.policy.FacilityType;
import org.suanli.voucher.policy.ZhinengMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Drives holds, redemptions and releases from the order's events. The kernel's pipeline applies a whole
 * poll in one transaction (holds in one batch): the inbox rows, the holds, the budget writes and the
 * outgoing events commit together or not at all.
 */
@ApplicationScoped
public class OrderEventsConsumer extends TypedEventHandler {

    private static final Logger LOG = Logger.getLogger(OrderEventsConsumer.class);
    static final String CONSUMER = "voucher-service.orders";
    private static final Set<String> TYPES = Set.of(OrderEvents.PLACED, OrderEvents.DELIVERED, OrderEvents.REJECTED,
            OrderEvents.CANCELLED, OrderEvents.EXPIRED);

    public OrderEventsConsumer() {
        super(CONSUMER, Topics.ORDERS, TYPES);
    }

    @Inject
    EventCodec codec;

    @Inject
    HoldService holds;

    @Inject
    EventPipeline pipeline;

    @Incoming("orders")
    @Blocking
    public void onOrders(ConsumerRecords<String, String> records) {
        pipeline.process(this, records);
    }

    @Override
    public boolean appliesWholePolls() {
        return true;
    }

    /** The poll's placements are held as one batch first: within one order the placement still precedes its later events. */
    @Override
    public void apply(List<EventEnvelope> fresh) {
        List<HoldCommand> toHold = new ArrayList<>();
        for (EventEnvelope e : fresh) {
            if (OrderEvents.PLACED.equals(e.type())) {
                toHold.add(toCommand(codec.payload(e, OrderEvents.Placed.class)));
            }
        }
        if (!toHold.isEmpty()) {
            holds.holdAll(toHold).stream().filter(o -> o.conflict() != null)
                    .forEach(o -> LOG.warnf("order %s: %s", o.command().orderId(), o.conflict()));
        }
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
    }

    /** A placement that names no known category or facility type is poison: the pipeline parks it. */
    static HoldCommand toCommand(OrderEvents.Placed p) {
        return new HoldCommand(p.orderId(), p.buyerId(), p.partnerId(), p.partnerCreditCode(), p.partnerApproved(),
                Category.valueOf(p.category()), p.facilityType() == null ? null : FacilityType.valueOf(p.facilityType()),
                p.filedModel(), p.estimatedAmountFen(), p.contractDate(),
                p.zhinengMode() == null ? ZhinengMode.NONE : ZhinengMode.valueOf(p.zhinengMode()),
                p.offeringId(), p.unitPriceFen());
    }
}
