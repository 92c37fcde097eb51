package org.suanli.catalog.capacity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.suanli.kernel.events.Topics;
import org.suanli.kernel.events.contract.CatalogEvents;
import org.suanli.kernel.outbox.Outbox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Capacity as inventory. Each order has one reservation row (its primary key is the order id), so an
 * order is reserved at most once whatever is redelivered, and a release or a delivery knows exactly
 * what to give back. Reservations are decided under the offerings' row locks, a poll's together, and
 * written with a conditional UPDATE that re-checks what is left, so racing reservations, from one
 * instance or many, can never oversell.
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

    /** An order's ask for capacity, as OrderPlaced states it. */
    public record Request(String orderId, String offeringId, long requestedTenths, String correlationId) {
    }

    /** An order asks for capacity: reserved, or refused with a reason; each order answered once. */
    @Transactional
    public Outcome reserve(String orderId, String offeringId, long requestedTenths, String correlationId) {
        lockOfferings(List.of(offeringId), List.of());
        return reserveAll(List.of(new Request(orderId, offeringId, requestedTenths, correlationId))).get(0);
    }

    /**
     * A poll's asks, in their order, in a few statements whatever their number: the orders' claims in one, the
     * offerings read in one, each reserved in arrival order while enough is left, then the offerings, the
     * reservations and the answers written in one each. The caller holds the offerings' row locks
     * ({@link #lockOfferings}), so what was read stays true until commit; the offerings' UPDATE still
     * re-checks what is left, and a batch that would oversell fails whole instead.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Outcome> reserveAll(List<Request> requests) {
        Set<String> fresh = claim(requests);
        Map<String, Shelf> shelves = shelves(requests.stream().filter(r -> fresh.contains(r.orderId()))
                .map(Request::offeringId).distinct().toList());
        List<Outcome> outcomes = new ArrayList<>(requests.size());
        List<Outbox.NewEvent> answers = new ArrayList<>();
        for (Request r : requests) {
            if (!fresh.remove(r.orderId())) {
                outcomes.add(null); // answered before, or earlier in this batch: read back below, once settled
                continue;
            }
            Shelf shelf = shelves.get(r.offeringId());
            boolean reserved = shelf != null && shelf.take(r.requestedTenths());
            String reason = reserved ? null : RefusalReason.of(shelf == null ? null : shelf.status,
                    shelf == null ? null : shelf.partnerStatus);
            outcomes.add(new Outcome(new Reservation(r.orderId(), r.offeringId(), Math.max(0, r.requestedTenths()),
                    reserved ? ReservationStatus.RESERVED : ReservationStatus.REFUSED, reason, 0, 0), true));
            answers.add(new Outbox.NewEvent(Topics.CATALOG,
                    reserved ? CatalogEvents.CAPACITY_RESERVED : CatalogEvents.CAPACITY_REFUSED, r.offeringId(),
                    r.correlationId() == null ? r.orderId() : r.correlationId(),
                    new CatalogEvents.Capacity(r.orderId(), r.offeringId(), r.requestedTenths(), reason)));
        }
        takeFromShelves(shelves.values());
        settle(outcomes.stream().filter(java.util.Objects::nonNull).map(Outcome::reservation).toList());
        outbox.recordAll(answers);
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) == null) {
                outcomes.set(i, new Outcome(find(requests.get(i).orderId()).orElseThrow(), false));
            }
        }
        return outcomes;
    }

    /** What an offering has left for this batch, read under its row lock. */
    private static final class Shelf {
        final String id;
        final String status;
        final String partnerStatus;
        long left;
        long taken;

        Shelf(String id, String status, String partnerStatus, long left) {
            this.id = id;
            this.status = status;
            this.partnerStatus = partnerStatus;
            this.left = left;
        }

        /** Reserves when published, its partner approved and enough left; as the single-row UPDATE did. */
        boolean take(long tenths) {
            if (tenths <= 0 || !"PUBLISHED".equals(status) || !"APPROVED".equals(partnerStatus) || tenths > left) {
                return false;
            }
            left -= tenths;
            taken += tenths;
            return true;
        }
    }

    /**
     * The orders' claims: one row each (its primary key is the order id), REFUSED until settled. Answers the
     * orders claimed now; a concurrent duplicate waits here for us, then finds its order taken.
     */
    private Set<String> claim(List<Request> requests) {
        Set<String> fresh = new HashSet<>();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into capacity_reservation (order_id, offering_id, requested_tenths, status)
                    select o, f, greatest(n, 0), 'REFUSED' from unnest(?::text[], ?::text[], ?::bigint[]) as t(o, f, n)
                    order by o
                    on conflict (order_id) do nothing
                    returning order_id""")) {
                ps.setArray(1, c.createArrayOf("text", requests.stream().map(Request::orderId).toArray()));
                ps.setArray(2, c.createArrayOf("text", requests.stream().map(Request::offeringId).toArray()));
                ps.setArray(3, c.createArrayOf("int8", requests.stream().map(Request::requestedTenths).toArray()));
                try (ResultSet r = ps.executeQuery()) {
                    while (r.next()) {
                        fresh.add(r.getString(1));
                    }
                }
            }
        });
        return fresh;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Shelf> shelves(List<String> offeringIds) {
        Map<String, Shelf> shelves = new HashMap<>();
        if (offeringIds.isEmpty()) {
            return shelves;
        }
        List<Object[]> rows = em.createNativeQuery("""
                        select o.id, o.status, p.status, o.capacity_tenths - o.reserved_tenths - o.consumed_tenths
                        from offering o join partner p on p.id = o.partner_id where o.id in (:ids)""")
                .setParameter("ids", offeringIds).getResultList();
        for (Object[] r : rows) {
            shelves.put((String) r[0], new Shelf((String) r[0], (String) r[1], (String) r[2], ((Number) r[3]).longValue()));
        }
        return shelves;
    }

    /** What the batch reserved, per offering, in one statement that re-checks what is left. */
    private void takeFromShelves(Collection<Shelf> shelves) {
        List<Shelf> taken = shelves.stream().filter(s -> s.taken > 0).toList();
        if (taken.isEmpty()) {
            return;
        }
        int[] updated = new int[1];
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    update offering o set reserved_tenths = o.reserved_tenths + t.n, updated_at = now()
                    from unnest(?::text[], ?::bigint[]) as t(id, n)
                    where o.id = t.id and o.capacity_tenths - o.reserved_tenths - o.consumed_tenths >= t.n""")) {
                ps.setArray(1, c.createArrayOf("text", taken.stream().map(s -> s.id).toArray()));
                ps.setArray(2, c.createArrayOf("int8", taken.stream().map(s -> s.taken).toArray()));
                updated[0] = ps.executeUpdate();
            }
        });
        if (updated[0] != taken.size()) { // the locks were not held: refuse to oversell, the batch is retried
            throw new IllegalStateException("capacity of " + taken.size() + " offerings changed while a batch of "
                    + "reservations held their locks; " + updated[0] + " still had enough");
        }
    }

    /** The claimed reservations' outcome, in one statement. */
    private void settle(List<Reservation> decided) {
        if (decided.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    update capacity_reservation r set status = t.s, reason = t.why, updated_at = now()
                    from unnest(?::text[], ?::text[], ?::text[]) as t(id, s, why)
                    where r.order_id = t.id""")) {
                ps.setArray(1, c.createArrayOf("text", decided.stream().map(Reservation::orderId).toArray()));
                ps.setArray(2, c.createArrayOf("text", decided.stream().map(d -> d.status().name()).toArray()));
                ps.setArray(3, c.createArrayOf("text", decided.stream().map(Reservation::reason).toArray()));
                ps.executeUpdate();
            }
        });
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
}
