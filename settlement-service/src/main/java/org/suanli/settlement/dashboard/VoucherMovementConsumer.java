package org.suanli.settlement.dashboard;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.suanli.kernel.events.EventCodec;
import org.suanli.kernel.events.EventEnvelope;
import org.suanli.kernel.events.contract.VoucherEvents;
import org.suanli.kernel.events.Topics;
import org.suanli.kernel.pipeline.TypedEventHandler;
import org.suanli.kernel.pipeline.EventPipeline;
import org.suanli.settlement.ledger.Accounts;
import org.suanli.settlement.ledger.Ledger;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Topic {@code vouchers}: keeps the time series of held and redeemed amounts per program year behind the
 * burn-down chart. HELD adds to held; REDEEMED moves the redeemed part from held to redeemed and gives the rest
 * of the hold back; RELEASED gives the hold back; CLAWED_BACK takes a redemption back (and has the ledger post the
 * reversal, {@link Ledger#postClawback}). Idempotent per event (the pipeline's inbox) and per (event, program) row.
 */
@ApplicationScoped
public class VoucherMovementConsumer extends TypedEventHandler {

    static final String CONSUMER = "settlement.vouchers";
    private static final Set<String> TYPES = Set.of(VoucherEvents.HELD, VoucherEvents.REDEEMED, VoucherEvents.RELEASED,
            VoucherEvents.CLAWED_BACK);

    public VoucherMovementConsumer() {
        super(CONSUMER, Topics.VOUCHERS, TYPES);
    }

    @Inject
    EventCodec codec;

    @Inject
    EntityManager em;

    @Inject
    EventPipeline pipeline;

    @Inject
    Ledger ledger;

    @Inject
    org.suanli.settlement.notice.NoticeService notices;

    @Incoming("vouchers")
    @Blocking
    public void on(ConsumerRecords<String, String> records) {
        pipeline.process(this, records);
    }

    /** check() runs before record(): an implausible event writes nothing and is parked by the pipeline. */
    @Override
    public void applyOne(EventEnvelope e) {
        Instant at = e.occurredAt() == null ? Instant.now() : e.occurredAt();
        switch (e.type()) {
            case VoucherEvents.HELD -> {
                VoucherEvents.Held h = codec.payload(e, VoucherEvents.Held.class);
                check(h.orderId(), h.programYear(), h.suanliHeldFen(), h.zhinengHeldFen());
                record(e.id(), h.orderId(), h.buyerId(), Accounts.SUANLI, h.programYear(), "HELD", h.suanliHeldFen(), 0, at);
                record(e.id(), h.orderId(), h.buyerId(), Accounts.ZHINENG, h.programYear(), "HELD", h.zhinengHeldFen(), 0, at);
            }
            case VoucherEvents.REDEEMED -> {
                VoucherEvents.Redeemed r = codec.payload(e, VoucherEvents.Redeemed.class);
                check(r.orderId(), r.programYear(), r.suanliFen(), r.zhinengFen());
                check(r.orderId(), r.programYear(), r.suanliReturnedFen(), r.zhinengReturnedFen());
                if (r.buyerId() != null && r.buyerName() != null) {
                    notices.rememberName(Accounts.buyer(r.buyerId()), r.buyerName()); // the public notice names the enterprise
                }
                record(e.id(), r.orderId(), r.buyerId(), Accounts.SUANLI, r.programYear(), "REDEEMED",
                        -(r.suanliFen() + r.suanliReturnedFen()), r.suanliFen(), at);
                record(e.id(), r.orderId(), r.buyerId(), Accounts.ZHINENG, r.programYear(), "REDEEMED",
                        -(r.zhinengFen() + r.zhinengReturnedFen()), r.zhinengFen(), at);
            }
            case VoucherEvents.CLAWED_BACK -> {
                // the reversal goes to the ledger (a receivable from the partner); the burn-down loses the redemption
                VoucherEvents.ClawedBack c = codec.payload(e, VoucherEvents.ClawedBack.class);
                check(c.orderId(), c.programYear(), c.suanliFen(), c.zhinengFen());
                ledger.postClawback(e.id(), c);
                record(e.id(), c.orderId(), c.buyerId(), Accounts.SUANLI, c.programYear(), "CLAWED_BACK", 0, -c.suanliFen(), at);
                record(e.id(), c.orderId(), c.buyerId(), Accounts.ZHINENG, c.programYear(), "CLAWED_BACK", 0, -c.zhinengFen(), at);
            }
            default -> {
                VoucherEvents.Released r = codec.payload(e, VoucherEvents.Released.class);
                check(r.orderId(), r.programYear(), r.suanliFen(), r.zhinengFen());
                record(e.id(), r.orderId(), r.buyerId(), Accounts.SUANLI, r.programYear(), "RELEASED", -r.suanliFen(), 0, at);
                record(e.id(), r.orderId(), r.buyerId(), Accounts.ZHINENG, r.programYear(), "RELEASED", -r.zhinengFen(), 0, at);
            }
        }
    }

    private static void check(String orderId, int year, long a, long b) {
        if (orderId == null || orderId.isBlank()) {
            throw new IllegalArgumentException("no order id");
        }
        if (year < 2000 || year > 2100) {
            throw new IllegalArgumentException("implausible program year " + year);
        }
        if (a < 0 || b < 0) {
            throw new IllegalArgumentException("negative amount");
        }
    }

    private void record(UUID eventId, String orderId, String buyerId, String program, int year, String kind,
                        long heldDelta, long redeemedDelta, Instant at) {
        if (heldDelta == 0 && redeemedDelta == 0) {
            return;
        }
        em.createNativeQuery("""
                        insert into voucher_movement (event_id, order_id, buyer_id, program, program_year, kind,
                                                      held_delta_fen, redeemed_delta_fen, at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) on conflict (event_id, program) do nothing""")
                .setParameter(1, eventId).setParameter(2, orderId).setParameter(3, buyerId).setParameter(4, program)
                .setParameter(5, year).setParameter(6, kind).setParameter(7, heldDelta).setParameter(8, redeemedDelta)
                .setParameter(9, at).executeUpdate();
    }
}
