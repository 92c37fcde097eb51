package org.suanli.order.flow;

import org.suanli.order.config.OrdersConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.suanli.kernel.events.EventEnvelope;
import org.suanli.kernel.events.contract.CatalogEvents;
import org.suanli.kernel.events.contract.VoucherEvents;
import org.suanli.order.order.Order;
import org.suanli.order.order.OrderOutbox;
import org.suanli.order.order.OrderState;
import org.suanli.order.order.SubsidyHold;
import org.suanli.order.order.Transition;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The saga steps: what the neighbours' answers and the deadlines do to an order. Each step locks the order
 * row (answers from catalog and voucher arrive on different threads at once) and records the event its
 * transition calls for in the same transaction. An answer that comes too late (the order has moved on)
 * changes nothing and is logged; its effect is compensated by the neighbour itself, which sees the
 * order's end (OrderRejected / OrderCancelled / OrderExpired) after OrderPlaced on the same key.
 */
@ApplicationScoped
public class OrderFlow {

    private static final Logger LOG = Logger.getLogger(OrderFlow.class);
    public static final String SYSTEM = "order-service";

    @Inject
    EntityManager em;

    @Inject
    OrderOutbox events;

    @Inject
    OrdersConfig config;

    public Duration confirmationDeadline() {
        return config.confirmationDeadline();
    }

    /**
     * Locks the orders a poll of answers is about, in id order, in one statement. The catalog and the voucher
     * answers for the same orders arrive on two consumers at once, each applying a whole poll in one
     * transaction: locked in the order of their partitions they deadlock (measured: 1 s lost per deadlock,
     * place→CONFIRMED p99 of seconds at 10 orders/s). The steps' own locks then find the rows already held.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockOrders(List<EventEnvelope> answers) {
        List<String> ids = answers.stream().map(e -> e.payload() == null ? null : e.payload().path("orderId").asText(null))
                .filter(Objects::nonNull).distinct().sorted().toList();
        if (!ids.isEmpty()) {
            em.createQuery("select o from ComputeOrder o where o.id in :ids order by o.id", Order.class)
                    .setParameter("ids", ids).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        }
    }

    /** CapacityReserved / CapacityRefused / CapacityReleased / CapacityConsumed from catalog-service. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onCapacity(EventEnvelope e, CatalogEvents.Capacity c) {
        Order o = lock(c.orderId(), e);
        if (o == null) {
            return;
        }
        if (c.offeringId() != null && !c.offeringId().equals(o.offeringId)) {
            LOG.warnf("%s %s names offering %s but order %s is on %s: ignored", e.type(), e.id(), c.offeringId(),
                    o.id, o.offeringId);
            return;
        }
        Instant now = Instant.now();
        String actor = actor(e, "catalog-service");
        switch (e.type()) {
            case CatalogEvents.CAPACITY_RESERVED -> apply(o, o.capacityReserved(now, actor), e);
            case CatalogEvents.CAPACITY_REFUSED -> apply(o, o.capacityRefused(c.reason(), now, actor), e);
            case CatalogEvents.CAPACITY_RELEASED -> o.capacityReturned(false, now);
            case CatalogEvents.CAPACITY_CONSUMED -> o.capacityReturned(true, now);
            default -> {
            }
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onSubsidyHeld(EventEnvelope e, VoucherEvents.Held h) {
        Order o = lock(h.orderId(), e);
        if (o == null) {
            return;
        }
        SubsidyHold hold = new SubsidyHold(h.programYear(), h.policyCode(), h.suanliRateBp(), h.zhinengRateBp(),
                h.suanliHeldFen(), h.zhinengHeldFen(), h.reasons());
        apply(o, o.subsidyHeld(hold, Instant.now(), actor(e, "voucher-service")), e);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onSubsidyRedeemed(EventEnvelope e, VoucherEvents.Redeemed r) {
        Order o = lock(r.orderId(), e);
        if (o == null) {
            return;
        }
        if (o.actualAmountFen != null && r.actualAmountFen() != o.actualAmountFen) {
            LOG.warnf("SubsidyRedeemed %s for order %s was computed on %d fen, the order's actual amount is %d fen",
                    e.id(), o.id, r.actualAmountFen(), o.actualAmountFen);
        }
        Transition t = o.subsidyRedeemed(r.suanliFen(), r.zhinengFen(), Instant.now(), actor(e, "voucher-service"));
        if (t == null && o.state == OrderState.DELIVERED) {
            LOG.errorf("SubsidyRedeemed %s for order %s cannot be right (算力券 %d + 智能券 %d fen on an actual amount of %d fen): order left DELIVERED",
                    e.id(), o.id, r.suanliFen(), r.zhinengFen(), o.actualAmountFen);
            return;
        }
        apply(o, t, e);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onSubsidyReleased(EventEnvelope e, VoucherEvents.Released r) {
        Order o = lock(r.orderId(), e);
        if (o != null) {
            Transition t = o.subsidyReleased(Instant.now(), r.reason(), actor(e, "voucher-service"));
            if (t != null) {
                apply(o, t, e);
            }
        }
    }

    /** A large claim went to review at delivery: the order shows it, and completes when SubsidyRedeemed follows. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onSubsidyInReview(EventEnvelope e, VoucherEvents.InReview r) {
        Order o = lock(r.orderId(), e);
        if (o != null) {
            o.subsidyInReview(Instant.now());
        }
    }

    /** Still PLACED past the confirmation deadline: REJECTED with reason TIMEOUT, OrderRejected for the compensations. */
    @Transactional
    public boolean rejectIfOverdue(String orderId, Instant now) {
        Order o = em.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        Transition t = o == null ? null : o.timeOut(now, config.confirmationDeadline(), SYSTEM);
        if (t == null) {
            return false;
        }
        events.after(o, t);
        LOG.warnf("order %s rejected: %s", o.id, t.reason());
        return true;
    }

    /** CONFIRMED and undelivered past its window: EXPIRED, OrderExpired for the compensations. */
    @Transactional
    public boolean expireIfOverdue(String orderId, Instant now) {
        Order o = em.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        Transition t = o == null ? null : o.expire(now, SYSTEM);
        if (t == null) {
            return false;
        }
        events.after(o, t);
        LOG.infof("order %s expired: %s", o.id, t.reason());
        return true;
    }

    private void apply(Order o, Transition t, EventEnvelope e) {
        if (t != null) {
            events.after(o, t);
            LOG.debugf("order %s %s → %s on %s %s", o.id, t.from(), t.to(), e.type(), e.id());
        } else if (o.state != OrderState.PLACED && o.state != OrderState.DELIVERED) {
            LOG.debugf("%s %s for order %s came while it is %s: nothing to do", e.type(), e.id(), o.id, o.state);
        }
    }

    private Order lock(String orderId, EventEnvelope e) {
        Order o = orderId == null ? null : em.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (o == null) {
            LOG.debugf("%s %s is about order %s, which is not ours: ignored", e.type(), e.id(), orderId);
        }
        return o;
    }

    private static String actor(EventEnvelope e, String fallback) {
        return e.source() == null || e.source().isBlank() ? fallback : e.source();
    }
}
