package org.suanli.order.flow;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.suanli.kernel.events.EventCodec;
import org.suanli.kernel.events.EventEnvelope;
import org.suanli.kernel.events.Topics;
import org.suanli.kernel.events.contract.VoucherEvents;
import org.suanli.kernel.pipeline.TypedEventHandler;
import org.suanli.kernel.pipeline.EventPipeline;

import java.util.List;
import java.util.Set;

/** voucher-service's subsidy life for our orders (topic vouchers): held, in review, redeemed, released. */
@ApplicationScoped
public class VoucherAnswers extends TypedEventHandler {

    static final String CONSUMER = "order-service.vouchers";
    private static final Set<String> TYPES = Set.of(VoucherEvents.HELD, VoucherEvents.IN_REVIEW, VoucherEvents.REDEEMED,
            VoucherEvents.RELEASED);

    public VoucherAnswers() {
        super(CONSUMER, Topics.VOUCHERS, TYPES);
    }

    @Inject
    EventCodec codec;

    @Inject
    OrderFlow flow;

    @Inject
    EventPipeline pipeline;

    @Incoming("vouchers")
    @Blocking
    public void on(ConsumerRecords<String, String> records) {
        pipeline.process(this, records);
    }

    @Override
    public void lockInOrder(List<EventEnvelope> fresh) {
        flow.lockOrders(fresh);
    }

    @Override
    public void applyOne(EventEnvelope e) {
        switch (e.type()) {
            case VoucherEvents.HELD -> flow.onSubsidyHeld(e, codec.payload(e, VoucherEvents.Held.class));
            case VoucherEvents.IN_REVIEW -> flow.onSubsidyInReview(e, codec.payload(e, VoucherEvents.InReview.class));
            case VoucherEvents.REDEEMED -> flow.onSubsidyRedeemed(e, codec.payload(e, VoucherEvents.Redeemed.class));
            default -> flow.onSubsidyReleased(e, codec.payload(e, VoucherEvents.Released.class));
        }
    }
}
