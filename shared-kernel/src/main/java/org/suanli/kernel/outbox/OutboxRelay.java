package org.suanli.kernel.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;

/**
 * Moves committed outbox rows to Kafka. One relay at a time per database (a transaction-scoped advisory
 * lock), rows in commit order: so events of one aggregate are published in the order they happened, even
 * with several replicas. A row is marked published only after the broker acknowledged it; a relay that
 * dies before that leaves the row for the next run (at-least-once; consumers dedupe by event id).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary constant naming "the outbox relay" among advisory locks of this database. */
    private static final long RELAY_LOCK = 0x5A4E4C49_0001L;
    static final int BATCH = 500;
    /** The scheduler job name, for pausing the relay (broker maintenance, fault tests). */
    public static final String JOB = "outbox-relay";

    @Inject
    EntityManager em;

    @Inject
    EventPublisher publisher;

    @Scheduled(identity = OutboxRelay.JOB, every = "${kernel.outbox.relay-interval:0.2s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRelay() {
        try {
            relayAll();
        } catch (Exception e) {
            LOG.warnf("outbox relay paused, will retry: %s", e.getMessage());
        }
    }

    /** Publishes everything pending; returns how many events left. */
    public int relayAll() {
        int total = 0;
        int n;
        do {
            n = relayBatch(publisher);
            total += n;
        } while (n == BATCH);
        return total;
    }

    /** One batch in one transaction, through the given publisher. */
    public int relayBatch(EventPublisher through) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(:k)")
                    .setParameter("k", RELAY_LOCK).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            List<OutboxEvent> pending = em.createQuery(
                            "from OutboxEvent where publishedAt is null order by seq", OutboxEvent.class)
                    .setMaxResults(BATCH).getResultList();
            if (pending.isEmpty()) {
                return 0;
            }
            through.publish(pending);
            Instant now = Instant.now();
            pending.forEach(e -> e.publishedAt = now);
            return pending.size();
        });
    }

    public long pendingCount() {
        return QuarkusTransaction.joiningExisting().call(() -> (Long) em.createQuery(
                "select count(e) from OutboxEvent e where e.publishedAt is null").getSingleResult());
    }
}
