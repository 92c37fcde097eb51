package org.suanli.kernel.metrics;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The outbox's backlog: events committed but not yet acknowledged by the broker, and the age of the oldest.
 * Read on scrape (and by readiness) with one query on the pending rows' partial index, at most once a second.
 * Exported as {@code suanli_outbox_pending_events} and {@code suanli_outbox_oldest_pending_age_seconds}.
 */
@ApplicationScoped
public class OutboxBacklog {

    /**
     * How many events wait, how old the oldest is (0 when none wait), and the sequence number at the head of the
     * queue (0 when none wait): the relays publish in sequence order, so a head that changes means events leave.
     */
    public record Backlog(long events, double oldestAgeSeconds, long headSeq) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry registry;

    private final ScrapeSnapshot<Backlog> snapshot = new ScrapeSnapshot<>(Duration.ofSeconds(1), this::read);

    void register(@Observes StartupEvent ignored) {
        Gauge.builder("suanli.outbox.pending.events", this, b -> value(b.current(), true))
                .description("Events recorded in the outbox and not yet acknowledged by the broker").register(registry);
        Gauge.builder("suanli.outbox.oldest.pending.age.seconds", this, b -> value(b.current(), false))
                .description("Age of the oldest event still waiting in the outbox (0 when none waits)").register(registry);
    }

    /** The backlog as last read (at most a second old); null if the database could never be read. */
    public Backlog current() {
        return snapshot.get();
    }

    private static double value(Backlog b, boolean events) {
        if (b == null) {
            return Double.NaN;
        }
        return events ? b.events() : b.oldestAgeSeconds();
    }

    private Backlog read() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("""
                     select count(*), coalesce(extract(epoch from now() - min(occurred_at)), 0), coalesce(min(seq), 0)
                       from outbox_event where published_at is null""");
             ResultSet r = q.executeQuery()) {
            r.next();
            return new Backlog(r.getLong(1), Math.max(0, r.getDouble(2)), r.getLong(3));
        } catch (SQLException e) {
            throw new IllegalStateException("outbox backlog unreadable: " + e.getMessage(), e);
        }
    }
}
