package org.suanli.catalog.capacity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.suanli.kernel.events.Topics;
import org.suanli.kernel.events.contract.CatalogEvents;
import org.suanli.kernel.outbox.Outbox;

import java.util.List;
import java.util.Optional;

/**
 * Capacity as inventory. Each order has one reservation row (its primary key is the order id), so an
 * order is reserved at most once whatever is redelivered, and a release or a delivery knows exactly
 * what to give back. The reservation itself is one conditional UPDATE: it succeeds only while the
 * offering is published, its partner approved and enough is left, so racing reservations, from one
 * instance or many, can never oversell (PostgreSQL re-checks the condition on the locked row).
 */
@ApplicationScoped
public class CapacityLedger {

    private static final Logger LOG = Logger.getLogger(CapacityLedger.class);

    public static final String NO_CAPACITY = "NO_CAPACITY";
    public static final String OFFERING_WITHDRAWN = "OFFERING_WITHDRAWN";
    public static final String PARTNER_NOT_APPROVED = "PARTNER_NOT_APPROVED";

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    /** What an order has (or had) from an offering. */
    public record Reservation(String orderId, String offeringId, long requestedTenths, ReservationStatus status,
                              String reason, long consumedTenths, long releasedTenths) {
    }

    /** The answer to a request: {@code applied} is false when the order had already been answered before. */
    public record Outcome(Reservation reservation, boolean applied) {
    }

    /**
     * Locks, in id order, the named offerings and those the named orders hold capacity on: what a batch of
     * order events will change, so that batches applied side by side wait for each other instead of deadlocking.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockOfferings(List<String> offeringIds, List<String> orderIds) {
        List<String> ids = offeringIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        List<String> orders = orderIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (ids.isEmpty() && orders.isEmpty()) {
            return;
        }
        List<String> where = new java.util.ArrayList<>();
        if (!ids.isEmpty()) {
            where.add("o.id in (:ids)");
        }
        if (!orders.isEmpty()) {
            where.add("o.id in (select r.offering_id from capacity_reservation r where r.order_id in (:orders))");
        }
        var q = em.createNativeQuery("select o.id from offering o where " + String.join(" or ", where) + " order by o.id for update");
        if (!ids.isEmpty()) {
            q.setParameter("ids", ids);
        }
        if (!orders.isEmpty()) {
            q.setParameter("orders", orders);
        }
        q.getResultList();
    }

    /** An order asks for capacity: reserved, or refused with a reason; each order answered once. */
    @Transactional
    public Outcome reserve(String orderId, String offeringId, long requestedTenths, String correlationId) {
        // The row is the order's claim: a concurrent duplicate waits here for us, then finds it taken.
        int claimed = em.createNativeQuery("""
                        insert into capacity_reservation (order_id, offering_id, requested_tenths, status)
                        values (:order, :offering, :n, 'REFUSED') on conflict (order_id) do nothing""")
                .setParameter("order", orderId).setParameter("offering", offeringId)
                .setParameter("n", Math.max(0, requestedTenths)).executeUpdate();
        if (claimed == 0) {
            return new Outcome(find(orderId).orElseThrow(), false);
        }
        int reserved = requestedTenths <= 0 ? 0 : em.createNativeQuery("""
                        update offering o
                           set reserved_tenths = o.reserved_tenths + :n, updated_at = now()
                         where o.id = :offering
                           and o.status = 'PUBLISHED'
                           and o.capacity_tenths - o.reserved_tenths - o.consumed_tenths >= :n
                           and exists (select 1 from partner p where p.id = o.partner_id and p.status = 'APPROVED')""")
                .setParameter("n", requestedTenths).setParameter("offering", offeringId).executeUpdate();
        String reason = reserved == 1 ? null : whyRefused(offeringId);
        em.createNativeQuery("update capacity_reservation set status = :s, reason = :r, updated_at = now() where order_id = :order")
                .setParameter("s", reserved == 1 ? ReservationStatus.RESERVED.name() : ReservationStatus.REFUSED.name())
                .setParameter("r", reason).setParameter("order", orderId).executeUpdate();
        outbox.record(Topics.CATALOG, reserved == 1 ? CatalogEvents.CAPACITY_RESERVED : CatalogEvents.CAPACITY_REFUSED,
                offeringId, correlationId == null ? orderId : correlationId,
                new CatalogEvents.Capacity(orderId, offeringId, requestedTenths, reason));
        // What was just written, not read back: one statement less per order on the path to CONFIRMED.
        return new Outcome(new Reservation(orderId, offeringId, Math.max(0, requestedTenths),
                reserved == 1 ? ReservationStatus.RESERVED : ReservationStatus.REFUSED, reason, 0, 0), true);
    }

    /** Cancelled, rejected or expired: whatever the order holds goes back to the shelf. */
    @Transactional
    public Outcome release(String orderId, String reason, String correlationId) {
        Optional<Reservation> current = lock(orderId);
        if (current.isEmpty()) {
            // The end overtook the placement: a tombstone makes sure a late placement reserves nothing.
            em.createNativeQuery("""
                            insert into capacity_reservation (order_id, offering_id, requested_tenths, status, reason)
                            values (:order, null, 0, 'RELEASED', :reason) on conflict (order_id) do nothing""")
                    .setParameter("order", orderId).setParameter("reason", reason).executeUpdate();
            return new Outcome(find(orderId).orElseThrow(), true); // the tombstone, or a placement that just won
        }
        Reservation r = current.get();
        if (r.status() != ReservationStatus.RESERVED) {
            return new Outcome(r, false);
        }
        move(r.offeringId(), -r.requestedTenths(), 0);
        em.createNativeQuery("""
                        update capacity_reservation set status = 'RELEASED', released_tenths = requested_tenths,
                               reason = :reason, updated_at = now() where order_id = :order""")
                .setParameter("reason", reason).setParameter("order", orderId).executeUpdate();
        outbox.record(Topics.CATALOG, CatalogEvents.CAPACITY_RELEASED, r.offeringId(),
                correlationId == null ? orderId : correlationId,
                new CatalogEvents.Capacity(orderId, r.offeringId(), r.requestedTenths(), reason));
        return new Outcome(new Reservation(orderId, r.offeringId(), r.requestedTenths(), ReservationStatus.RELEASED,
                reason, r.consumedTenths(), r.requestedTenths()), true);
    }

    /** Delivered: the hours used are consumed for good, the rest of the reservation goes back. */
    @Transactional
    public Outcome consume(String orderId, long usedTenths, String correlationId) {
        Optional<Reservation> current = lock(orderId);
        if (current.isEmpty()) {
            LOG.warnf("delivery of order %s that never reserved capacity here: ignored", orderId);
            return new Outcome(null, false);
        }
        Reservation r = current.get();
        if (r.status() != ReservationStatus.RESERVED) {
            return new Outcome(r, false);
        }
        long used = Math.min(Math.max(usedTenths, 0), r.requestedTenths());
        if (used < usedTenths) {
            LOG.warnf("order %s reports %d tenths used of %d reserved: consumed only what was reserved",
                    orderId, usedTenths, r.requestedTenths());
        }
        move(r.offeringId(), -r.requestedTenths(), used);
        em.createNativeQuery("""
                        update capacity_reservation set status = 'CONSUMED', consumed_tenths = :used,
                               released_tenths = requested_tenths - :used, updated_at = now() where order_id = :order""")
                .setParameter("used", used).setParameter("order", orderId).executeUpdate();
        outbox.record(Topics.CATALOG, CatalogEvents.CAPACITY_CONSUMED, r.offeringId(),
                correlationId == null ? orderId : correlationId,
                new CatalogEvents.Capacity(orderId, r.offeringId(), used, null));
        return new Outcome(new Reservation(orderId, r.offeringId(), r.requestedTenths(), ReservationStatus.CONSUMED,
                r.reason(), used, r.requestedTenths() - used), true);
    }

    @Transactional
    public Optional<Reservation> find(String orderId) {
        return rows("select order_id, offering_id, requested_tenths, status, reason, consumed_tenths, released_tenths "
                + "from capacity_reservation where order_id = :order", orderId);
    }

    private Optional<Reservation> lock(String orderId) {
        return rows("select order_id, offering_id, requested_tenths, status, reason, consumed_tenths, released_tenths "
                + "from capacity_reservation where order_id = :order for update", orderId);
    }

    @SuppressWarnings("unchecked")
    private Optional<Reservation> rows(String sql, String orderId) {
        List<Object[]> rows = em.createNativeQuery(sql).setParameter("order", orderId).getResultList();
        return rows.stream().findFirst().map(r -> new Reservation((String) r[0], (String) r[1],
                ((Number) r[2]).longValue(), ReservationStatus.valueOf((String) r[3]), (String) r[4],
                ((Number) r[5]).longValue(), ((Number) r[6]).longValue()));
    }

    private void move(String offeringId, long reservedDelta, long consumedDelta) {
        em.createNativeQuery("""
                        update offering set reserved_tenths = reserved_tenths + :r, consumed_tenths = consumed_tenths + :c,
                               updated_at = now() where id = :offering""")
                .setParameter("r", reservedDelta).setParameter("c", consumedDelta).setParameter("offering", offeringId)
                .executeUpdate();
    }

    /** Why the conditional UPDATE found nothing to reserve, in the contract's words. */
    @SuppressWarnings("unchecked")
    private String whyRefused(String offeringId) {
        List<Object[]> rows = em.createNativeQuery("""
                        select o.status, p.status from offering o join partner p on p.id = o.partner_id where o.id = :offering""")
                .setParameter("offering", offeringId).getResultList();
        return RefusalReason.of(rows.isEmpty() ? null : (String) rows.get(0)[0], rows.isEmpty() ? null : (String) rows.get(0)[1]);
    }
}
