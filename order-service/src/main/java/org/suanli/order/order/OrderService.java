package org.suanli.order.order;

import org.suanli.kernel.units.GpuHours;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;
import org.suanli.kernel.idempotency.Idempotency;
import org.suanli.kernel.tracing.Correlation;
import org.suanli.kernel.problem.ProblemException;
import org.suanli.kernel.batch.GroupCommit;
import org.suanli.kernel.tracing.Traceparent;
import org.suanli.order.client.KnownOfferings;
import org.suanli.order.client.CatalogOffering;
import org.suanli.order.config.OrdersConfig;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.annotation.PostConstruct;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The use cases people start: place (idempotent), cancel, report delivery; and reading what one may see. */
@ApplicationScoped
public class OrderService {

    private static final Logger LOG = Logger.getLogger(OrderService.class);

    /** A window may start a little before the request arrives (clocks, latency); anything earlier is in the past. */
    static final Duration WINDOW_START_GRACE = Duration.ofMinutes(5);
    /** V2: one order per (partner, invoice number trimmed and lower-cased). */
    static final String INVOICE_ONCE_INDEX = "orders_partner_invoice_once";
    static final String IDEMPOTENCY_SCOPE = "order";

    public record Placed(OrderView order, boolean created) {
    }

    /** One POST's creation as its batch writes it: all it needs, taken on the request's own thread. */
    private record Placement(String buyerId, Idempotency.Key key, OfferingSnapshot offering, long tenths,
                             OrderForm form, ZhinengMode mode, String actor, String traceparent) {
    }

    /** A new order; or the order an earlier request with the same key made; or the 409 for a key reused. */
    private record Creation(Placed placed, String earlierOrderId, ProblemException refused) {
    }

    @Inject
    EntityManager em;

    @Inject
    KnownOfferings offerings;

    @Inject
    OrderOutbox events;

    @Inject
    Idempotency idempotency;

    @Inject
    OrdersConfig config;

    /** POSTs that arrive while a batch of creations commits are created together in the next one. */
    private GroupCommit<Placement, Creation> creations;

    @PostConstruct
    void init() {
        creations = new GroupCommit<>(config.placementBatch(), this::createAll);
    }

    /**
     * Places an order once per (buyer, Idempotency-Key): the same key with the same request gives the same
     * order back; with another request, 409. The offering is decided on before any write: from the known
     * copy when the order can go ahead on it, otherwise read from catalog-service, so a refusal or a catalog
     * that cannot be reached leaves nothing behind. A retry of a request that placed its order gets that order
     * back even when it could not be placed now (its window has begun, the offering is gone, catalog is down).
     */
    public Placed place(String buyerId, String idempotencyKey, OrderForm form, String bearer, String actor) {
        String keyValue = Idempotency.required(idempotencyKey, "order you mean to place");
        long tenths = GpuHours.parsePositive("gpuHours", form.gpuHours());
        if (!form.end().isAfter(form.start())) {
            throw ProblemException.badRequest("windowEnd must be after windowStart");
        }
        ZhinengMode mode = form.zhinengMode() == null ? ZhinengMode.NONE : form.zhinengMode();
        Idempotency.Key key = new Idempotency.Key(IDEMPOTENCY_SCOPE, buyerId, keyValue,
                requestHash(form.offeringId(), tenths, form.start(), form.end(), mode));

        CatalogOffering offering = null;
        ProblemException refused = windowRefusal(form, Instant.now());
        if (refused == null) {
            try {
                offering = offerings.toOrder(form.offeringId(), bearer, o -> refusal(o, form, tenths) == null);
                refused = refusal(offering, form, tenths);
            } catch (ProblemException unavailable) {
                refused = unavailable;
            }
        }
        if (refused != null) {
            Optional<String> earlier = QuarkusTransaction.requiringNew().call(() -> idempotency.replay(key));
            if (earlier.isPresent()) {
                return replayed(earlier.get());
            }
            throw refused;
        }

        Creation c = creations.submit(new Placement(buyerId, key, offering.facts(), tenths, form, mode, actor,
                Traceparent.ofCurrentSpan()));
        if (c.refused() != null) {
            throw c.refused();
        }
        if (c.earlierOrderId() != null) {
            return replayed(c.earlierOrderId());
        }
        // The rest of this request's log lines (and the trace's span) name the order.
        Correlation.order(c.placed().order().id());
        LOG.debugf("order %s placed by %s: %s GPU-hours of %s, estimate %s yuan", c.placed().order().id(), buyerId,
                GpuHours.format(tenths), form.offeringId(), c.placed().order().estimate());
        return c.placed();
    }

    private static ProblemException windowRefusal(OrderForm form, Instant now) {
        if (!form.end().isAfter(now) || form.start().isBefore(now.minus(WINDOW_START_GRACE))) {
            return ProblemException.unprocessable("window-in-past",
                    "the window " + form.start() + " – " + form.end() + " starts in the past; choose a window from now on");
        }
        return null;
    }

    /** Why this order cannot be placed on this offering as catalog describes it, or null if it can. */
    private static ProblemException refusal(CatalogOffering offering, OrderForm form, long tenths) {
        String unavailable = offering.refusal();
        if (unavailable != null) {
            return ProblemException.unprocessable("offering-not-available", "offering '" + form.offeringId() + "' " + unavailable);
        }
        if (offering.capacityLeftTenths() != null && tenths > offering.capacityLeftTenths()) {
            return ProblemException.unprocessable("not-enough-capacity", "offering '" + form.offeringId() + "' has "
                    + GpuHours.format(Math.max(0, offering.capacityLeftTenths())) + " GPU-hours left; "
                    + GpuHours.format(tenths) + " were asked for");
        }
        if ((offering.validFrom() != null && form.start().isBefore(offering.validFrom()))
                || (offering.validTo() != null && form.end().isAfter(offering.validTo()))) {
            return ProblemException.unprocessable("outside-offering-validity", "offering '" + form.offeringId()
                    + "' is valid from " + offering.validFrom() + " to " + offering.validTo()
                    + "; the window must lie within");
        }
        return null;
    }

    /**
     * Creates a batch of orders in one transaction: their keys claimed in one statement, their OrderPlaced in
     * another. A key already claimed (by an earlier request, or an earlier POST of this batch) makes no order:
     * that request's order is answered, or the 409 when the key was used for another request.
     */
    private List<Creation> createAll(List<Placement> batch) {
        // The batch is many requests' work, written on one of their threads: no request's span is current here,
        // each order carries its own request's trace.
        try (Scope noRequestsSpan = Context.root().makeCurrent()) {
            return QuarkusTransaction.requiringNew().call(() -> {
                Instant now = Instant.now();
                List<Order> orders = new ArrayList<>(batch.size());
                for (Placement p : batch) {
                    Order o = Order.place(p.buyerId(), p.offering(), p.tenths(), p.form().start(), p.form().end(),
                            p.mode(), now, p.actor());
                    o.traceparent = p.traceparent();
                    orders.add(o);
                }
                boolean[] claimed = idempotency.claimAll(batch.stream().map(Placement::key).toList(),
                        orders.stream().map(o -> o.id).toList());
                List<Order> created = new ArrayList<>(batch.size());
                List<Creation> answers = new ArrayList<>(batch.size());
                for (int i = 0; i < batch.size(); i++) {
                    if (claimed[i]) {
                        em.persist(orders.get(i));
                        created.add(orders.get(i));
                        answers.add(null);
                    } else {
                        Idempotency.Key key = batch.get(i).key();
                        Idempotency.Earlier earlier = idempotency.earlier(key).orElseThrow(); // it held the claim
                        answers.add(new Creation(null, earlier.resourceId(), earlier.refusal(key)));
                    }
                }
                events.placed(created);
                for (int i = 0, next = 0; i < answers.size(); i++) {
                    if (answers.get(i) == null) {
                        answers.set(i, new Creation(new Placed(OrderView.of(created.get(next++), true), true), null, null));
                    }
                }
                return answers;
            });
        }
    }

    private Placed replayed(String orderId) {
        return QuarkusTransaction.requiringNew().call(() ->
                new Placed(OrderView.of(em.find(Order.class, orderId), true), false));
    }

    // ------------------------------------------------------------------ commands on an existing order

    @Transactional
    public OrderView cancel(String orderId, String buyerId, String note, String actor) {
        Order o = lock(orderId);
        if (o == null || !o.buyerId.equals(buyerId)) {
            throw ProblemException.notFound("Order", orderId);
        }
        Transition t = o.cancel(note, Instant.now(), actor);
        events.after(o, t);
        LOG.infof("order %s cancelled by %s (%s)", orderId, actor, t.from());
        return OrderView.of(o, true);
    }

    @Transactional
    public OrderView deliver(String orderId, String partnerId, DeliveryForm form, String actor) {
        Order o = lock(orderId);
        if (o == null || !o.partnerId.equals(partnerId)) {
            throw ProblemException.notFound("Order", orderId);
        }
        long used = GpuHours.parsePositive("gpuHoursUsed", form.gpuHoursUsed());
        String invoice = form.invoiceNumber().trim();
        String holder = invoiceHolder(partnerId, invoice, orderId);
        if (holder != null) {
            throw invoiceAlreadyUsed(invoice, holder);
        }
        Transition t = o.deliver(used, invoice, Instant.now(), actor);
        try {
            // Written now, not at commit: a delivery of another order with the same invoice that committed
            // since the check above trips the unique index here, and is answered like the check would have.
            em.flush();
        } catch (PersistenceException e) {
            if (!isConstraint(e, INVOICE_ONCE_INDEX)) {
                throw e;
            }
            String winner = QuarkusTransaction.requiringNew().call(() -> invoiceHolder(partnerId, invoice, orderId));
            throw invoiceAlreadyUsed(invoice, winner);
        }
        events.after(o, t);
        LOG.infof("order %s delivered: %s GPU-hours, actual %d fen", orderId, GpuHours.format(used), o.actualAmountFen);
        return OrderView.of(o, true);
    }

    /** The order of this partner, other than {@code orderId}, that already carries this invoice number; null if none. */
    private String invoiceHolder(String partnerId, String invoice, String orderId) {
        List<?> ids = em.createNativeQuery("""
                        select id from orders
                        where partner_id = :partner and lower(trim(invoice_number)) = lower(trim(:invoice)) and id <> :order
                        limit 1""")
                .setParameter("partner", partnerId).setParameter("invoice", invoice).setParameter("order", orderId)
                .getResultList();
        return ids.isEmpty() ? null : (String) ids.get(0);
    }

    private static ProblemException invoiceAlreadyUsed(String invoice, String holder) {
        return ProblemException.conflict("invoice-already-used", "invoice '" + invoice + "' was already reported for "
                + (holder == null ? "another order" : "order " + holder)
                + "; an invoice proves the delivery of one order only: report this order's own invoice");
    }

    private static boolean isConstraint(Throwable e, String name) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof ConstraintViolationException v && name.equals(v.getConstraintName())) {
                return true;
            }
            if (c instanceof SQLException q && "23505".equals(q.getSQLState()) && String.valueOf(q.getMessage()).contains(name)) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ reading

    @Transactional
    public OrderView get(String orderId, Viewer viewer) {
        Order o = em.find(Order.class, orderId);
        if (o == null || !viewer.sees(o)) {
            throw ProblemException.notFound("Order", orderId);
        }
        return OrderView.of(o, true);
    }

    /** Newest first; {@code from}/{@code to} bound the contract date, both inclusive. */
    @Transactional
    public OrderPage list(Viewer viewer, OrderState state, LocalDate from, LocalDate to, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        switch (viewer.kind()) {
            case BUYER -> {
                where.append(" and o.buyerId = :who");
                params.put("who", viewer.id());
            }
            case PARTNER -> {
                where.append(" and o.partnerId = :who");
                params.put("who", viewer.id());
            }
            case ALL -> {
            }
        }
        if (state != null) {
            where.append(" and o.state = :state");
            params.put("state", state);
        }
        if (from != null) {
            where.append(" and o.contractDate >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.append(" and o.contractDate <= :to");
            params.put("to", to);
        }
        TypedQuery<Order> q = em.createQuery("select o from ComputeOrder o" + where + " order by o.placedAt desc, o.id", Order.class);
        TypedQuery<Long> count = em.createQuery("select count(o) from ComputeOrder o" + where, Long.class);
        params.forEach((k, v) -> {
            q.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<OrderView> items = q.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(o -> OrderView.of(o, false)).toList();
        return new OrderPage(items, page, size, count.getSingleResult());
    }

    private Order lock(String orderId) {
        return em.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE);
    }

    // ------------------------------------------------------------------ idempotency

    /** The request as it was understood (normalised), so "12.5" and 12.5 or a different offset of one instant are the same. */
    static String requestHash(String offeringId, long tenths, Instant start, Instant end, ZhinengMode mode) {
        String canonical = offeringId + "\n" + tenths + "\n" + start + "\n" + end + "\n" + mode;
        return Idempotency.sha256(canonical);
    }
}
