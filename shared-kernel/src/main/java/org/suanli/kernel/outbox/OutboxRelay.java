package org.suanli.kernel.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.suanli.kernel.config.KernelConfig;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Moves committed outbox rows to Kafka. One relay at a time per database (a transaction-scoped advisory
 * lock), rows in commit order: so events of one aggregate are published in the order they happened, even
 * with several replicas. A row is marked published only after the broker acknowledged it; a relay that
 * dies before that leaves the row for the next run (at-least-once; consumers dedupe by event id).
 *
 * <p>The relay wakes as soon as a transaction that recorded events commits, and otherwise polls (rows
 * of another replica, or left by a failure) every {@code kernel.outbox.poll-interval}.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary constant naming "the outbox relay" among advisory locks of this database. */
    private static final long RELAY_LOCK = 0x5A4E4C49_0001L;
    static final int BATCH = 2000;

    @Inject
    EntityManager em;

    @Inject
    EventPublisher publisher;

    @Inject
    KernelConfig config;

    private final Semaphore wake = new Semaphore(0);
    /** Held by the loop while it relays: {@link #pause()} waits on it. */
    private final Object loopBatch = new Object();
    private volatile boolean running;
    private volatile boolean paused;
    private Thread worker;
    /** The relay's last failure, cleared by the next batch the broker acknowledges: readiness reports it. */
    private volatile Failure lastFailure;

    /** Why the relay could not publish, and since when. */
    public record Failure(Instant since, String reason) {
    }

    void start(@Observes StartupEvent ignored) {
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent ignored) throws InterruptedException {
        running = false;
        wake.release();
        if (worker != null) {
            worker.join(5_000);
        }
    }

    /** Called after a commit that recorded events: publish now rather than at the next poll. */
    public void wake() {
        wake.release();
    }

    /**
     * Stops publishing (broker maintenance, fault tests); events keep accumulating safely in the table. Returns once
     * the loop's batch in flight, if any, is done, so no event recorded after this call leaves until resume.
     */
    public void pause() {
        paused = true;
        synchronized (loopBatch) {
            // nothing: the loop checks paused under this monitor, so it starts no batch from here on
        }
    }

    public void resume() {
        paused = false;
        wake.release();
    }

    private void loop() {
        while (running) {
            try {
                wake.tryAcquire(config.outbox().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                synchronized (loopBatch) {
                    if (running && !paused) {
                        relayAll();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warnf("outbox relay paused, will retry: %s", e.getMessage());
                sleepQuietly();
            }
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
        try {
            return publishBatch(through);
        } catch (RuntimeException e) {
            Failure before = lastFailure;
            lastFailure = new Failure(before == null ? Instant.now() : before.since(), rootMessage(e));
            throw e;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private int publishBatch(EventPublisher through) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(:k)")
                    .setParameter("k", RELAY_LOCK).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                // Another replica relays this database: whatever this one failed on is not the state of things.
                lastFailure = null;
                return 0;
            }
            // Plain JDBC: thousands of rows per batch, read once and never changed as entities.
            List<OutboxEvent> pending = new ArrayList<>();
            em.unwrap(Session.class).doWork(c -> {
                try (PreparedStatement q = c.prepareStatement("""
                        select seq, event_id, topic, event_type, aggregate_id, envelope from outbox_event
                        where published_at is null order by seq limit ?""")) {
                    q.setInt(1, BATCH);
                    try (ResultSet r = q.executeQuery()) {
                        while (r.next()) {
                            OutboxEvent e = new OutboxEvent();
                            e.seq = r.getLong(1);
                            e.eventId = r.getObject(2, UUID.class);
                            e.topic = r.getString(3);
                            e.type = r.getString(4);
                            e.aggregateId = r.getString(5);
                            e.envelope = r.getString(6);
                            pending.add(e);
                        }
                    }
                }
            });
            if (pending.isEmpty()) {
                lastFailure = null;
                return 0;
            }
            through.publish(pending);
            lastFailure = null;
            // Exactly the rows published: a row committed meanwhile inside the same seq range stays pending.
            em.unwrap(Session.class).doWork(c -> {
                try (PreparedStatement mark = c.prepareStatement(
                        "update outbox_event set published_at = now() where seq = any(?)")) {
                    mark.setArray(1, c.createArrayOf("bigint", pending.stream().map(e -> e.seq).toArray()));
                    mark.executeUpdate();
                }
            });
            return pending.size();
        });
    }

    /** The failure the relay is stuck on, if any (empty while it publishes, or has nothing to publish). */
    public Optional<Failure> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(config.outbox().pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
