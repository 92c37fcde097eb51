package org.suanli.kernel.metrics;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A figure read from the database when Prometheus scrapes, at most once per {@code ttl} however many gauges
 * read it (one query answers several gauges). Nothing on the business hot path pays for it. A failed read
 * keeps the last figure (a gauge shows NaN only before the first success).
 */
public final class ScrapeSnapshot<T> {

    private static final Logger LOG = Logger.getLogger(ScrapeSnapshot.class);

    private final long ttlNanos;
    private final Supplier<T> load;
    private T value;
    private long loadedAt;
    private boolean loaded;

    public ScrapeSnapshot(Duration ttl, Supplier<T> load) {
        this.ttlNanos = ttl.toNanos();
        this.load = load;
    }

    public synchronized T get() {
        long now = System.nanoTime();
        if (!loaded || now - loadedAt >= ttlNanos) {
            try {
                value = load.get();
            } catch (RuntimeException e) {
                LOG.debugf("metrics snapshot not refreshed: %s", e.getMessage());
            }
            // A failure waits a ttl too: a database in trouble is not hammered by scrapes.
            loadedAt = now;
            loaded = true;
        }
        return value;
    }
}
