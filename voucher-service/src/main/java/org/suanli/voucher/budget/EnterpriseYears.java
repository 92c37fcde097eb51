package org.suanli.voucher.budget;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The per-enterprise rows: locked in buyer-id order after the budgets, written once per transaction. */
@ApplicationScoped
public class EnterpriseYears {

    @Inject
    EntityManager em;

    /** Locks the rows of the given buyers for a year, creating them with the cap that applies. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, EnterpriseYear> lock(int year, Map<String, Long> capByBuyer) {
        Map<String, EnterpriseYear> locked = new HashMap<>();
        if (capByBuyer.isEmpty()) {
            return locked;
        }
        List<String> ids = new ArrayList<>(new TreeSet<>(capByBuyer.keySet()));
        // One statement for all rows. The cap follows the buyer's current override (the bureau may raise
        // it mid-year), but never drops below what is already used.
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (java.sql.PreparedStatement upsert = connection.prepareStatement("""
                    insert into enterprise_year (buyer_id, program_year, cap_fen)
                    select b.id, ?, b.cap from unnest(?, ?) as b(id, cap)
                    on conflict (buyer_id, program_year) do update set cap_fen = excluded.cap_fen
                    where enterprise_year.cap_fen <> excluded.cap_fen
                      and excluded.cap_fen >= enterprise_year.suanli_held_fen + enterprise_year.suanli_redeemed_fen""")) {
                upsert.setInt(1, year);
                upsert.setArray(2, connection.createArrayOf("text", ids.toArray()));
                upsert.setArray(3, connection.createArrayOf("bigint", ids.stream().map(capByBuyer::get).toArray()));
                upsert.executeUpdate();
            }
        });
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select buyer_id, cap_fen, suanli_held_fen, suanli_redeemed_fen, declared_fen from enterprise_year
                        where program_year = ?1 and buyer_id in (?2) order by buyer_id for update""")
                .setParameter(1, year).setParameter(2, ids).getResultList();
        for (Object[] r : rows) {
            EnterpriseYear ey = row(year, r);
            locked.put(ey.buyerId, ey);
        }
        return locked;
    }

    /**
     * The rows of the given buyers as they stand, without locking them (a buyer without a row yet starts
     * from zero): figures to decide on provisionally, which {@link #lock} must confirm before they count.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, EnterpriseYear> peek(int year, Map<String, Long> capByBuyer) {
        Map<String, EnterpriseYear> rows = new HashMap<>();
        if (capByBuyer.isEmpty()) {
            return rows;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery("""
                        select buyer_id, cap_fen, suanli_held_fen, suanli_redeemed_fen, declared_fen from enterprise_year
                        where program_year = ?1 and buyer_id in (?2)""")
                .setParameter(1, year).setParameter(2, new ArrayList<>(capByBuyer.keySet())).getResultList();
        for (Object[] r : found) {
            long used = num(r[2]) + num(r[3]);
            long wanted = capByBuyer.get((String) r[0]);
            // As lock() would set it: the buyer's current cap, never below what is already used.
            long cap = wanted >= used ? wanted : num(r[1]);
            rows.put((String) r[0], new EnterpriseYear((String) r[0], year, cap, num(r[2]), num(r[3]), num(r[4])));
        }
        capByBuyer.forEach((buyer, cap) -> rows.computeIfAbsent(buyer, b -> new EnterpriseYear(b, year, cap, 0, 0, 0)));
        return rows;
    }

    /** The buyer's row if it has one (an unregistered buyer never got one), locked. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EnterpriseYear lockExisting(String buyerId, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select buyer_id, cap_fen, suanli_held_fen, suanli_redeemed_fen, declared_fen from enterprise_year
                        where program_year = ?1 and buyer_id = ?2 for update""")
                .setParameter(1, year).setParameter(2, buyerId).getResultList();
        return rows.stream().findFirst()
                .map(r -> row(year, r)).orElse(null);
    }

    /** Writes every changed row in one statement (a batch of holds touches hundreds of buyers). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(Collection<EnterpriseYear> years) {
        List<EnterpriseYear> dirty = years.stream().filter(EnterpriseYear::dirty).toList();
        if (dirty.isEmpty()) {
            return;
        }
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (java.sql.PreparedStatement update = connection.prepareStatement("""
                    update enterprise_year e set suanli_held_fen = e.suanli_held_fen + d.held,
                           suanli_redeemed_fen = e.suanli_redeemed_fen + d.redeemed, declared_fen = e.declared_fen + d.declared
                    from unnest(?, ?, ?, ?, ?) as d(buyer, yr, held, redeemed, declared)
                    where e.buyer_id = d.buyer and e.program_year = d.yr""")) {
                update.setArray(1, connection.createArrayOf("text", dirty.stream().map(ey -> ey.buyerId).toArray()));
                update.setArray(2, connection.createArrayOf("integer", dirty.stream().map(ey -> ey.year).toArray()));
                update.setArray(3, connection.createArrayOf("bigint", dirty.stream().map(ey -> ey.heldDelta).toArray()));
                update.setArray(4, connection.createArrayOf("bigint", dirty.stream().map(ey -> ey.redeemedDelta).toArray()));
                update.setArray(5, connection.createArrayOf("bigint", dirty.stream().map(ey -> ey.declaredDelta).toArray()));
                update.executeUpdate();
            }
        });
        for (EnterpriseYear ey : dirty) {
            ey.heldDelta = 0;
            ey.redeemedDelta = 0;
            ey.declaredDelta = 0;
        }
    }

    public record Usage(String buyerId, int year, long capFen, long suanliHeldFen, long suanliRedeemedFen, long declaredFen) {
    }

    @SuppressWarnings("unchecked")
    public List<Usage> usage(int year, String buyerId) {
        List<Object[]> rows = em.createNativeQuery("""
                        select buyer_id, cap_fen, suanli_held_fen, suanli_redeemed_fen, declared_fen from enterprise_year
                        where program_year = ?1 and (cast(?2 as text) is null or buyer_id = ?2) order by buyer_id""")
                .setParameter(1, year).setParameter(2, buyerId).getResultList();
        return rows.stream().map(r -> new Usage((String) r[0], year, num(r[1]), num(r[2]), num(r[3]), num(r[4]))).toList();
    }

    /** A row read as (buyer_id, cap_fen, suanli_held_fen, suanli_redeemed_fen, declared_fen). */
    private static EnterpriseYear row(int year, Object[] r) {
        return new EnterpriseYear((String) r[0], year, num(r[1]), num(r[2]), num(r[3]), num(r[4]));
    }

    static long num(Object o) {
        return ((Number) o).longValue();
    }
}
