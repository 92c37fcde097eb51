package org.suanli.order.metrics;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.suanli.kernel.metrics.AfterCommit;
import org.suanli.kernel.metrics.ScrapeSnapshot;
import org.suanli.order.order.OrderState;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Orders as an operator watches them: {@code suanli_orders{state}} (how many orders are in each state, read on
 * scrape), {@code suanli_order_transitions_total{from,to}} (counted after commit) and
 * {@code suanli_order_confirmation_seconds} (placed → confirmed, a histogram). Labels are states: bounded.
 */
@ApplicationScoped
public class OrderMetrics {

    /** "from" of an order's first step. */
    static final String NEW = "NEW";

    @Inject
    MeterRegistry registry;

    @Inject
    AfterCommit afterCommit;

    @Inject
    AgroalDataSource dataSource;

    private final Map<OrderState, Map<OrderState, Counter>> transitions = new EnumMap<>(OrderState.class);
    private final Map<OrderState, Counter> placed = new EnumMap<>(OrderState.class);
    private final ScrapeSnapshot<Map<OrderState, Long>> byState = new ScrapeSnapshot<>(Duration.ofSeconds(10), this::countByState);
    private Timer confirmation;

    void register(@Observes StartupEvent ignored) {
        for (OrderState from : OrderState.values()) {
            Map<OrderState, Counter> to = new EnumMap<>(OrderState.class);
            for (OrderState next : from.next()) {
                to.put(next, transitionCounter(from.name(), next.name()));
            }
            transitions.put(from, to);
            Gauge.builder("suanli.orders", this, m -> {
                        Map<OrderState, Long> counts = m.byState.get();
                        return counts == null ? Double.NaN : counts.getOrDefault(from, 0L);
                    })
                    .description("Orders in each state").tag("state", from.name()).register(registry);
        }
        placed.put(OrderState.PLACED, transitionCounter(NEW, OrderState.PLACED.name()));
        confirmation = Timer.builder("suanli.order.confirmation")
                .description("From an order placed to its confirmation (capacity reserved and subsidy held)")
                // A dozen buckets an operator can read (not the ~70 of a percentile histogram): from the pipeline's
                // tens of milliseconds to the 2-minute confirmation deadline.
                .serviceLevelObjectives(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
                        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
                        Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120))
                .register(registry);
    }

    public void placed() {
        Counter c = placed.get(OrderState.PLACED);
        afterCommit.run(c::increment);
    }

    /** A step of an order's life; a confirmation also records how long it took from the placement. */
    public void transition(OrderState from, OrderState to, Instant placedAt, Instant now) {
        Map<OrderState, Counter> fromHere = from == null ? null : transitions.get(from);
        Counter c = fromHere == null ? null : fromHere.get(to);
        Duration took = to == OrderState.CONFIRMED && placedAt != null ? Duration.between(placedAt, now) : null;
        afterCommit.run(() -> {
            if (c != null) {
                c.increment();
            }
            if (took != null) {
                confirmation.record(took);
            }
        });
    }

    private Counter transitionCounter(String from, String to) {
        return Counter.builder("suanli.order.transitions").description("Steps of orders' lives")
                .tag("from", from).tag("to", to).register(registry);
    }

    private Map<OrderState, Long> countByState() {
        Map<OrderState, Long> counts = new EnumMap<>(OrderState.class);
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("select state, count(*) from orders group by state");
             ResultSet r = q.executeQuery()) {
            while (r.next()) {
                counts.put(OrderState.valueOf(r.getString(1)), r.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return counts;
    }
}
