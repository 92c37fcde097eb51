package org.suanli.kernel.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.suanli.kernel.config.KernelConfig;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What the event consumers did, per consumer (a bounded label: the consumers a service declares):
 * {@code suanli_events_applied_total}, {@code suanli_events_retried_total} and {@code suanli_events_parked_total}
 * (poison events set aside, the alert "poison events"). Counters are looked up once per consumer, so counting
 * costs an increment on the hot path. The consumers named in {@code kernel.metrics.consumers} are exported at
 * zero from startup, so that an alert on a rate sees them before their first event.
 */
@ApplicationScoped
public class PipelineMetrics {

    private record Counters(Counter applied, Counter retried, Counter parked) {
    }

    @Inject
    MeterRegistry registry;

    @Inject
    KernelConfig config;

    private final ConcurrentMap<String, Counters> byConsumer = new ConcurrentHashMap<>();

    void declare(@Observes StartupEvent ignored) {
        config.metrics().consumers().orElse(List.of()).forEach(this::counters);
    }

    /** {@code n} events applied (a batch counts each of its events). */
    public void applied(String consumer, int n) {
        if (n > 0) {
            counters(consumer).applied().increment(n);
        }
    }

    /** An event (or a batch) failed and will be delivered again. */
    public void retried(String consumer) {
        counters(consumer).retried().increment();
    }

    /** An event that can never be applied was set aside (parked) instead of blocking its partition. */
    public void parked(String consumer) {
        counters(consumer).parked().increment();
    }

    private Counters counters(String consumer) {
        return byConsumer.computeIfAbsent(consumer, c -> new Counters(
                Counter.builder("suanli.events.applied").description("Events applied by a consumer")
                        .tag("consumer", c).register(registry),
                Counter.builder("suanli.events.retried").description("Deliveries that failed and will be retried")
                        .tag("consumer", c).register(registry),
                Counter.builder("suanli.events.parked").description("Poison events set aside, never applied")
                        .tag("consumer", c).register(registry)));
    }
}
