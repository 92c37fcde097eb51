package org.suanli.order.expiry;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.suanli.order.flow.OrderFlow;
import org.suanli.order.order.OrderState;

import java.time.Instant;
import java.util.List;

/**
 * The clock's part of the flow: orders still PLACED past the confirmation deadline are rejected (TIMEOUT),
 * CONFIRMED orders whose window has passed undelivered expire. Each order in its own transaction under a
 * row lock, so several replicas or a racing answer never end an order twice.
 */
@ApplicationScoped
public class DeadlineSweeper {

    private static final Logger LOG = Logger.getLogger(DeadlineSweeper.class);
    static final int BATCH = 200;

    @Inject
    EntityManager em;

    @Inject
    OrderFlow flow;

    @Scheduled(every = "${orders.sweep-interval:5s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            sweep(Instant.now());
        } catch (Exception e) {
            LOG.warnf("deadline sweep paused, will retry: %s", e.getMessage());
        }
    }

    /** Everything overdue at {@code now}; returns how many orders were ended. */
    public int sweep(Instant now) {
        return rejectOverdue(now) + expireOverdue(now);
    }

    public int rejectOverdue(Instant now) {
        Instant cutoff = now.minus(flow.confirmationDeadline());
        int n = 0;
        int before;
        List<String> ids;
        do {
            before = n;
            ids = ids("select o.id from ComputeOrder o where o.state = :s and o.placedAt < :t order by o.placedAt",
                    OrderState.PLACED, cutoff);
            for (String id : ids) {
                n += flow.rejectIfOverdue(id, now) ? 1 : 0;
            }
        } while (ids.size() == BATCH && n > before);
        return n;
    }

    public int expireOverdue(Instant now) {
        int n = 0;
        int before;
        List<String> ids;
        do {
            before = n;
            ids = ids("select o.id from ComputeOrder o where o.state = :s and o.windowEnd < :t order by o.windowEnd",
                    OrderState.CONFIRMED, now);
            for (String id : ids) {
                n += flow.expireIfOverdue(id, now) ? 1 : 0;
            }
        } while (ids.size() == BATCH && n > before);
        return n;
    }

    private List<String> ids(String jpql, OrderState state, Instant t) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(jpql, String.class)
                .setParameter("s", state).setParameter("t", t).setMaxResults(BATCH).getResultList());
    }
}
