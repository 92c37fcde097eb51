package org.suanli.order.flow;

import org.suanli.kernel.inbox.ApplyInPlace;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.suanli.kernel.events.EventCodec;
import org.suanli.kernel.events.EventEnvelope;
import org.suanli.kernel.events.contract.VoucherEvents;
import org.suanli.kernel.inbox.Inbox;

/** voucher-service's subsidy life for our orders (topic vouchers): held, redeemed, released. */
@ApplicationScoped
public class VoucherAnswers {

    private static final Logger LOG = Logger.getLogger(VoucherAnswers.class);
    static final String CONSUMER = "order-service.vouchers";

    @Inject
    EventCodec codec;


    @Inject
    Inbox inbox;

    @Inject
    OrderFlow flow;

    @Inject
    ApplyInPlace applyInPlace;

    /** In its own transaction, retried in place while the database is away (see {@link ApplyInPlace}). */
    @Incoming("vouchers")
    @Blocking
    public void on(String json) {
        applyInPlace.run("applying a record of vouchers", () -> apply(json));
    }

    void apply(String json) {
        EventEnvelope e;
        Object payload;
        try {
            e = codec.read(json);
            payload = switch (e.type()) {
                case VoucherEvents.HELD -> codec.payload(e, VoucherEvents.Held.class);
                case VoucherEvents.REDEEMED -> codec.payload(e, VoucherEvents.Redeemed.class);
                case VoucherEvents.RELEASED -> codec.payload(e, VoucherEvents.Released.class);
                default -> null;
            };
        } catch (IllegalArgumentException bad) {
            LOG.errorf("unreadable record on vouchers skipped: %s", bad.getMessage());
            return;
        }
        if (payload == null) {
            return;
        }
        if (!inbox.firstDelivery(CONSUMER, e)) {
            LOG.debugf("%s %s already applied", e.type(), e.id());
            return;
        }
        if (payload instanceof VoucherEvents.Held h) {
            flow.onSubsidyHeld(e, h);
        } else if (payload instanceof VoucherEvents.Redeemed r) {
            flow.onSubsidyRedeemed(e, r);
        } else if (payload instanceof VoucherEvents.Released r) {
            flow.onSubsidyReleased(e, r);
        }
    }
}
