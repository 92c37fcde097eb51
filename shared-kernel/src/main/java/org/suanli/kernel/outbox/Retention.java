package org.suanli.kernel.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.suanli.kernel.config.KernelConfig;

import java.time.Instant;

/**
 * Keeps the outbox and inbox tables from growing for ever: published outbox rows older than
 * {@code kernel.outbox.retention} and inbox rows older than {@code kernel.inbox.retention} are deleted, in
 * chunks so that no sweep holds many locks or a long transaction. Unpublished rows are never touched.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);
    static final int CHUNK = 5_000;

    @Inject
    EntityManager em;

    @Inject
    KernelConfig config;

    @Scheduled(every = "${kernel.outbox.sweep-interval:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "kernel-retention")
    void scheduled() {
        try {
            sweep(Instant.now());
        } catch (RuntimeException e) {
            LOG.warnf("retention sweep failed, next time then: %s", e.toString());
        }
    }

    /** Deletes what is older than the retention settings, as seen at {@code now}; returns rows deleted (outbox, inbox). */
    public long[] sweep(Instant now) {
        Instant outboxBefore = now.minus(config.outbox().retention());
        Instant inboxBefore = now.minus(config.inbox().retention());
        long outbox = inChunks("""
                delete from outbox_event where seq in (select seq from outbox_event
                where published_at is not null and published_at < ?1 limit ?2)""", outboxBefore);
        long inbox = inChunks("""
                delete from inbox_event where ctid in (select ctid from inbox_event
                where applied_at < ?1 limit ?2)""", inboxBefore);
        if (outbox + inbox > 0) {
            LOG.infof("retention: deleted %d published outbox rows (before %s) and %d inbox rows (before %s)",
                    outbox, outboxBefore, inbox, inboxBefore);
        }
        return new long[] {outbox, inbox};
    }

    private long inChunks(String sql, Instant before) {
        long total = 0;
        int n;
        do {
            n = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql)
                    .setParameter(1, before).setParameter(2, CHUNK).executeUpdate());
            total += n;
        } while (n == CHUNK);
        return total;
    }
}
