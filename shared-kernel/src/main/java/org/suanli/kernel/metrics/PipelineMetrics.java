package org.suanli.kernel.metrics;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** What the event pipeline did, per consumer: applied, retried in place, parked as poison. */
@ApplicationScoped
public class PipelineMetrics {

    private final Map<String, AtomicLong> parked = new ConcurrentHashMap<>();

    public void applied(String consumer, int events) {
    }

    public void retried(String consumer) {
    }

    public void parked(String consumer) {
        parked.computeIfAbsent(consumer, c -> new AtomicLong()).incrementAndGet();
    }
}
