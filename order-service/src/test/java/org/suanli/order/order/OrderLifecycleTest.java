package org.suanli.order.order;

import org.junit.jupiter.api.Test;
import org.suanli.kernel.problem.ProblemException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract's life as plain rules: no Quarkus, no database. */
class OrderLifecycleTest {

    // 2026-11-21 17:30 UTC is already 2026-11-22 in Hangzhou.
    static final Instant PLACED_AT = Instant.parse("2026-11-21T17:30:00Z");
    static final Duration DEADLINE = Duration.ofMinutes(2);
    static final OfferingSnapshot OFFERING = new OfferingSnapshot("off-1", "ptn-hz-ascend", "杭州昇腾", "91330100MA2KXXXX0X",
            "APPROVED", "fac-1", "余杭智算中心", "余杭区", "DOMESTIC", "COMPUTE", null, "Ascend 910B", 800);
    static final SubsidyHold HELD = new SubsidyHold(2026, "HZ-2025", 5000, 0, 40000, 0, List.of("SME_BOOST"));

    static Order placed() {
        return Order.place("ent-xihu-ai", OFFERING, 1000, PLACED_AT.plus(Duration.ofDays(1)),
                PLACED_AT.plus(Duration.ofDays(2)), ZhinengMode.NONE, PLACED_AT, "sme1");
    }

    static Order confirmed() {
        Order o = placed();
        o.capacityReserved(PLACED_AT.plusSeconds(1), "catalog-service");
        o.subsidyHeld(HELD, PLACED_AT.plusSeconds(2), "voucher-service");
        return o;
    }

    @Test
    void placing_locks_the_price_computes_the_estimate_and_dates_the_contract_in_hangzhou() {
        Order o = placed();
        assertEquals(OrderState.PLACED, o.state);
        assertEquals(800, o.unitPriceFen);
        assertEquals(80000, o.estimatedAmountFen, "8.00 yuan × 100.0 GPU-hours");
        assertEquals(LocalDate.of(2026, 11, 22), o.contractDate);
        assertTrue(o.partnerApproved);
        assertEquals(1, o.history.size());
        assertNull(o.history.get(0).from);
        assertEquals("sme1", o.history.get(0).actor);
        assertNull(o.buyerPaysFen(), "nothing known about the subsidy yet");
    }

    @Test
    void confirmed_only_once_capacity_is_reserved_and_the_subsidy_held_in_either_order() {
        Order a = placed();
        assertNull(a.capacityReserved(PLACED_AT, "catalog-service"));
        assertEquals(OrderState.PLACED, a.state);
        Transition t = a.subsidyHeld(HELD, PLACED_AT, "voucher-service");
        assertEquals(new Transition(OrderState.PLACED, OrderState.CONFIRMED, t.reason()), t);
        assertEquals("voucher-service", a.history.get(1).actor);

        Order b = placed();
        assertNull(b.subsidyHeld(HELD, PLACED_AT, "voucher-service"));
        assertEquals(OrderState.CONFIRMED, b.capacityReserved(PLACED_AT, "catalog-service").to());
        assertEquals(40000, b.estimatedAmountFen - b.buyerPaysFen(), "the buyer will pay the estimate less the hold");
        assertEquals(List.of("SME_BOOST"), b.subsidyReasonList());
    }

    @Test
    void a_zero_subsidy_with_its_reasons_still_confirms() {
        Order o = placed();
        o.capacityReserved(PLACED_AT, "catalog-service");
        Transition t = o.subsidyHeld(new SubsidyHold(2026, "HZ-2025", 0, 0, 0, 0, List.of("BUDGET_EXHAUSTED")), PLACED_AT, "voucher-service");
        assertEquals(OrderState.CONFIRMED, t.to());
        assertEquals(80000L, o.buyerPaysFen());
        assertTrue(t.reason().contains("BUDGET_EXHAUSTED"));
    }

    @Test
    void refused_capacity_rejects_and_a_later_hold_changes_nothing() {
        Order o = placed();
        Transition t = o.capacityRefused("NO_CAPACITY", PLACED_AT, "catalog-service");
        assertEquals(OrderState.REJECTED, t.to());
        assertEquals("NO_CAPACITY", o.endReason);
        assertNull(o.subsidyHeld(HELD, PLACED_AT, "voucher-service"));
        assertEquals(OrderState.REJECTED, o.state);
        assertEquals(Order.SubsidyStatus.HELD, o.subsidyStatus, "remembered, so its release can be seen later");
        assertEquals(Order.SubsidyStatus.RELEASED, o.subsidyState(), "but never shown as held: the order has ended");
        assertNull(o.subsidyReleased(PLACED_AT, "REJECTED: NO_CAPACITY", "voucher-service"), "an order that ended stays ended");
        assertEquals(Order.SubsidyStatus.RELEASED, o.subsidyStatus);
        assertEquals(Order.SubsidyStatus.RELEASED, o.subsidyState());
        assertNull(o.buyerPaysFen());
        assertEquals(2, o.history.size());
    }

    @Test
    void an_ended_order_never_shows_its_subsidy_as_held_or_pending() {
        Order held = placed();
        held.subsidyHeld(HELD, PLACED_AT, "voucher-service");
        assertEquals(Order.SubsidyStatus.HELD, held.subsidyState(), "held while the order lives");
        held.cancel(null, PLACED_AT.plusSeconds(5), "sme1");
        assertEquals(Order.SubsidyStatus.HELD, held.subsidyStatus, "voucher-service's release has not arrived yet");
        assertEquals(Order.SubsidyStatus.RELEASED, held.subsidyState());

        Order pending = placed();
        pending.timeOut(PLACED_AT.plus(DEADLINE).plusSeconds(1), DEADLINE, "order-service");
        assertEquals(Order.SubsidyStatus.RELEASED, pending.subsidyState());
        assertEquals(Order.SubsidyStatus.PENDING, placed().subsidyState());
    }

    @Test
    void an_order_unconfirmed_past_the_deadline_is_rejected_for_timeout_and_late_answers_are_ignored() {
        Order o = placed();
        o.subsidyHeld(HELD, PLACED_AT, "voucher-service");
        assertNull(o.timeOut(PLACED_AT.plus(DEADLINE), DEADLINE, "order-service"), "not past yet");
        Transition t = o.timeOut(PLACED_AT.plus(DEADLINE).plusSeconds(1), DEADLINE, "order-service");
        assertEquals(OrderState.REJECTED, t.to());
        assertEquals(Order.TIMEOUT, o.endReason);
        assertTrue(t.reason().contains("capacity"), t.reason());

        assertNull(o.capacityReserved(PLACED_AT.plus(Duration.ofMinutes(5)), "catalog-service"));
        assertEquals(OrderState.REJECTED, o.state);
        assertNull(confirmed().timeOut(PLACED_AT.plus(Duration.ofDays(1)), DEADLINE, "order-service"),
                "a confirmed order has no confirmation deadline");
    }

    @Test
    void the_buyer_cancels_before_delivery_but_not_after() {
        Order p = placed();
        assertEquals(OrderState.CANCELLED, p.cancel(null, PLACED_AT, "sme1").to());
        Order c = confirmed();
        Transition t = c.cancel("plans changed", PLACED_AT, "sme1");
        assertEquals(OrderState.CANCELLED, t.to());
        assertEquals(Order.BUYER_CANCELLED, c.endReason);
        assertTrue(t.reason().contains("plans changed"));
        ProblemException again = assertThrows(ProblemException.class, () -> c.cancel(null, PLACED_AT, "sme1"));
        assertEquals(409, again.status());

        Order d = confirmed();
        d.deliver(500, "INV-1", PLACED_AT, "partner1");
        assertEquals(409, assertThrows(ProblemException.class, () -> d.cancel(null, PLACED_AT, "sme1")).status());
    }

    @Test
    void delivery_computes_the_actual_amount_from_the_locked_price_and_the_hours_used() {
        Order o = confirmed();
        Transition t = o.deliver(755, "INV-2026-0001", PLACED_AT, "partner1");
        assertEquals(OrderState.DELIVERED, t.to());
        assertEquals(60400, o.actualAmountFen, "8.00 × 75.5");
        assertEquals(755L, o.usedTenths);
        assertEquals("INV-2026-0001", o.invoiceNumber);
    }

    @Test
    void delivery_above_the_hours_ordered_or_from_the_wrong_state_is_refused_and_changes_nothing() {
        Order o = confirmed();
        ProblemException above = assertThrows(ProblemException.class, () -> o.deliver(1001, "INV-1", PLACED_AT, "partner1"));
        assertEquals(422, above.status());
        assertEquals(OrderState.CONFIRMED, o.state);
        assertNull(o.actualAmountFen);

        Order p = placed();
        assertEquals(409, assertThrows(ProblemException.class, () -> p.deliver(10, "INV-1", PLACED_AT, "partner1")).status());
        assertEquals(OrderState.PLACED, p.state);
    }

    @Test
    void redemption_completes_with_what_the_buyer_pays_each_voucher_pays_and_the_partner_is_owed() {
        Order o = confirmed();
        assertNull(o.subsidyRedeemed(100, 0, PLACED_AT, "voucher-service"), "nothing to redeem before delivery");
        o.deliver(755, "INV-1", PLACED_AT, "partner1");
        Transition t = o.subsidyRedeemed(30200, 6040, PLACED_AT, "voucher-service");
        assertEquals(OrderState.COMPLETED, t.to());
        assertEquals(60400L, o.partnerOwedFen);
        assertEquals(60400L - 30200 - 6040, o.buyerPaysFen);
        assertEquals(o.buyerPaysFen, o.buyerPaysFen());
        assertEquals(Order.SubsidyStatus.REDEEMED, o.subsidyStatus);
        assertNull(o.subsidyRedeemed(30200, 6040, PLACED_AT, "voucher-service"), "once");
    }

    @Test
    void a_redemption_larger_than_the_actual_amount_is_not_believed() {
        Order o = confirmed();
        o.deliver(10, "INV-1", PLACED_AT, "partner1");
        assertNull(o.subsidyRedeemed(800, 1, PLACED_AT, "voucher-service"));
        assertEquals(OrderState.DELIVERED, o.state);
    }

    @Test
    void a_confirmed_order_expires_when_its_window_passes_undelivered() {
        Order o = confirmed();
        assertNull(o.expire(o.windowEnd, "order-service"), "not yet: the window's last instant");
        Transition t = o.expire(o.windowEnd.plusSeconds(1), "order-service");
        assertEquals(OrderState.EXPIRED, t.to());
        assertEquals(Order.WINDOW_PASSED, o.endReason);
        assertNull(placed().expire(o.windowEnd.plusSeconds(1), "order-service"), "a placed order times out instead");
    }

    @Test
    void history_tells_every_step_with_its_actor() {
        Order o = confirmed();
        o.deliver(1000, "INV-9", PLACED_AT, "partner1");
        o.subsidyRedeemed(40000, 0, PLACED_AT, "voucher-service");
        assertEquals(List.of(OrderState.PLACED, OrderState.CONFIRMED, OrderState.DELIVERED, OrderState.COMPLETED),
                o.history.stream().map(h -> h.to).toList());
        assertEquals(List.of("sme1", "voucher-service", "partner1", "voucher-service"),
                o.history.stream().map(h -> h.actor).toList());
        o.history.forEach(h -> assertNotNull(h.reason));
    }

    @Test
    void the_state_machine_has_four_final_states() {
        for (OrderState s : OrderState.values()) {
            boolean fin = s == OrderState.REJECTED || s == OrderState.CANCELLED || s == OrderState.EXPIRED
                    || s == OrderState.COMPLETED;
            assertEquals(fin, s.isFinal(), s.name());
        }
        assertFalse(OrderState.DELIVERED.canMoveTo(OrderState.CANCELLED));
        assertFalse(OrderState.PLACED.canMoveTo(OrderState.DELIVERED));
        assertTrue(OrderState.CONFIRMED.canMoveTo(OrderState.EXPIRED));
    }

    @Test
    void rates_show_as_fractions() {
        assertEquals("0.30", OrderView.rate(3000));
        assertEquals("0.15", OrderView.rate(1500));
        assertEquals("0.125", OrderView.rate(1250));
        assertEquals("0.00", OrderView.rate(0));
    }
}
