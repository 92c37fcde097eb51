package org.suanli.order.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.suanli.kernel.problem.ProblemException;
import org.suanli.order.config.OrdersConfig;
import org.suanli.order.order.OfferingSnapshot;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The offerings orders were recently placed on, as catalog-service last described them. A POST whose offering
 * is known here and can be ordered as asked does not call catalog-service: the buyer's order is taken while
 * catalog restarts (a restarting catalog, flooded with retried reads, once kept order-service answering 503 for
 * minutes), and a POST costs one service instead of two. The copy only ever <em>accepts</em>; catalog-service's
 * reservation on OrderPlaced still decides, and an order it cannot serve is rejected as before.
 *
 * <p>A refusal is never taken from the copy: an offering that looks withdrawn, short of capacity or out of its
 * validity here is read afresh before the buyer is told no. Entries are dropped when catalog announces a change
 * of the offering or of its partner (suspension), are read again after {@code orders.offerings.fresh-for}, and
 * when catalog cannot be reached then, serve for up to {@code orders.offerings.stale-for} more (stale-if-error).
 *
 * <p>The announcements reach this instance through order-service's consumer group: with several replicas, each
 * hears of the partitions it owns, and the others accept on the old copy for at most fresh-for (then catalog
 * rejects what it cannot serve). A feed every replica reads whole would close that gap.
 */
@ApplicationScoped
public class KnownOfferings {

    private record Known(CatalogOffering offering, long readAtNanos) {
    }

    private final Map<String, Known> byId = new ConcurrentHashMap<>();
    /** Bumped on every drop: a read that overlapped a drop may hold what the drop announced away; it is not kept. */
    private final AtomicLong drops = new AtomicLong();
    /** Offerings one request is reading again right now. */
    private final Set<String> refreshing = ConcurrentHashMap.newKeySet();
    /** Reads of catalog-service under way, by offering: requests that need the same offering meanwhile wait for it. */
    private final Map<String, CompletableFuture<CatalogOffering>> reading = new ConcurrentHashMap<>();

    @Inject
    CatalogClient catalog;

    @Inject
    OrdersConfig config;

    /**
     * The offering to decide an order on: the known copy when it is fresh and {@code orderable} says the order
     * can go ahead on it, otherwise catalog-service's answer (read with the buyer's token). When catalog cannot
     * be reached, a copy no older than fresh-for + stale-for on which the order can go ahead is used instead.
     */
    public CatalogOffering toOrder(String offeringId, String bearer, Predicate<CatalogOffering> orderable) {
        Known known = byId.get(offeringId);
        long age = known == null ? Long.MAX_VALUE : System.nanoTime() - known.readAtNanos();
        boolean usable = known != null && orderable.test(known.offering());
        if (usable && age <= config.offerings().freshFor().toNanos()) {
            return known.offering();
        }
        boolean usableIfNeeded = usable && age <= config.offerings().freshFor().plus(config.offerings().staleFor()).toNanos();
        // One request reads an old copy again; the others go on with it meanwhile (no herd of reads on catalog).
        boolean refresher = usableIfNeeded && refreshing.add(offeringId);
        if (usableIfNeeded && !refresher) {
            return known.offering();
        }
        try {
            return read(offeringId, bearer);
        } catch (ProblemException e) {
            if (e.status() == 503 && usableIfNeeded) {
                return known.offering(); // catalog cannot be reached: the copy still serves (stale-if-error)
            }
            throw e;
        } finally {
            if (refresher) {
                refreshing.remove(offeringId);
            }
        }
    }

    /**
     * One read of catalog-service per offering at a time. A restarted order-service knows no offering, and the
     * orders buyers retried meanwhile arrive together: each reading for itself once flooded catalog-service with
     * hundreds of identical reads, which timed out and stalled its reservations too (issue #11's fault run).
     * Those that wait share the reader's offering or its 503; a refusal (422) they read for themselves, since
     * catalog-service answers it for the reader's token.
     */
    private CatalogOffering read(String offeringId, String bearer) {
        CompletableFuture<CatalogOffering> mine = new CompletableFuture<>();
        CompletableFuture<CatalogOffering> underway = reading.putIfAbsent(offeringId, mine);
        if (underway != null) {
            try {
                return underway.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof ProblemException p && p.status() == 503) {
                    throw p;
                }
                return catalog.offering(offeringId, bearer);
            }
        }
        try {
            long dropsBefore = drops.get();
            CatalogOffering read = catalog.offering(offeringId, bearer);
            if (drops.get() == dropsBefore) {
                byId.put(offeringId, new Known(read, System.nanoTime()));
            }
            mine.complete(read);
            return read;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            reading.remove(offeringId, mine);
        }
    }

    /** catalog-service announced a change of this offering (published, changed, withdrawn). */
    public void changed(String offeringId) {
        if (offeringId != null) {
            drops.incrementAndGet();
            byId.remove(offeringId);
        }
    }

    /** catalog-service announced a change of this partner (approved, suspended): all its offerings are read again. */
    public void partnerChanged(String partnerId) {
        if (partnerId != null) {
            drops.incrementAndGet();
            byId.values().removeIf(k -> partnerId.equals(partnerOf(k.offering())));
        }
    }

    /**
     * Capacity reserved (positive) or given back (negative) on an offering since it was read: the copy follows,
     * so it does not accept orders catalog has no hours left for. Counted twice it errs low, which only costs a
     * fresh read before a refusal.
     */
    public void capacityMoved(String offeringId, long reservedTenths) {
        if (offeringId == null) {
            return;
        }
        byId.computeIfPresent(offeringId, (id, k) -> {
            CatalogOffering o = k.offering();
            if (o.capacityLeftTenths() == null) {
                return k;
            }
            return new Known(new CatalogOffering(o.facts(), o.status(), o.capacityLeftTenths() - reservedTenths,
                    o.validFrom(), o.validTo()), k.readAtNanos());
        });
    }

    private static String partnerOf(CatalogOffering o) {
        OfferingSnapshot facts = o.facts();
        return facts == null ? null : facts.partnerId();
    }

}
