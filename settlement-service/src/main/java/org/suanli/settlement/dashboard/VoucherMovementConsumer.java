package org.suanli.settlement.dashboard;

import org.suanli.kernel.inbox.ApplyInPlace;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.suanli.kernel.events.EventCodec;
import org.suanli.kernel.events.EventEnvelope;
import org.suanli.kernel.events.contract.VoucherEvents;
import org.suanli.kernel.inbox.Inbox;
import org.suanli.settlement.ledger.Accounts;
import org.suanli.settlement.ledger.Ledger;
import org.suanli.settlement.ledger.UnreadableEvents;

import java.time.Instant;
import java.util.UUID;

/**
 * Topic {@code vouchers}: keeps the time series of held and redeemed amounts per program year behind the
 * burn-down chart. HELD adds to held; REDEEMED moves the redeemed part from held to redeemed and gives the rest
 * of the hold back; RELEASED gives the hold back; CLAWED_BACK takes a redemption back (and has the ledger post the
 * reversal, {@link Ledger#postClawback}). Idempotent per event (inbox).
 */
@ApplicationScoped
public class VoucherMovementConsumer {

    static final String CONSUMER = "settlement.vouchers";

    @Inject
    EventCodec codec;

    @Inject
    Inbox inbox;

    @Inject
    EntityManager em;

    @Inject
    UnreadableEvents unreadable;

    @Inject
    ApplyInPlace applyInPlace;

    @Inject
    Ledger ledger;

    /** In its own transaction, retried in place while the database is away (see {@link ApplyInPlace}). */
    @Incoming("vouchers")
    @Blocking
    public void on(String json) {
        applyInPlace.run("applying a record of vouchers", () -> apply(json));
    }

    void apply(String json) {
        EventEnvelope e;
        try {
            e = codec.read(json);
        } catch (IllegalArgumentException notAnEnvelope) {
            unreadable.keep("vouchers", notAnEnvelope.getMessage(), json);
            return;
        }
        String type = e.type();
        if (!VoucherEvents.HELD.equals(type) && !VoucherEvents.REDEEMED.equals(type) && !VoucherEvents.RELEASED.equals(type)
                && !VoucherEvents.CLAWED_BACK.equals(type)) {
            return;
        }
        if (e.id() == null) {
            unreadable.keep("vouchers", "a " + type + " envelope without an id", json);
            return;
        }
        if (!inbox.firstDelivery(CONSUMER, e)) {
            return;
        }
        Instant at = e.occurredAt() == null ? Instant.now() : e.occurredAt();
        try {
            switch (type) {
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
        } catch (IllegalArgumentException impossible) {
            // nothing was written yet for this event (check() runs before record())
            unreadable.keep("vouchers", "event " + e.id() + ": " + impossible.getMessage(), json);
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
