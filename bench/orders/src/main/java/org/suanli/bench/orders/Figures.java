package org.suanli.bench.orders;

import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** Latency distributions (HdrHistogram, microseconds, 3 significant digits) and their rendering. */
final class Figures {

    private Figures() {
    }

    static Histogram histogram(List<Order> orders, Function<Order, Long> micros) {
        Histogram h = new Histogram(3_600_000_000L, 3);
        for (Order o : orders) {
            Long v = micros.apply(o);
            if (v != null && v >= 0) {
                h.recordValue(Math.min(v, h.getHighestTrackableValue()));
            }
        }
        return h;
    }

    static Long between(Instant a, Instant b) {
        return a == null || b == null ? null : Duration.between(a, b).toNanos() / 1000;
    }

    static Histogram post(List<Order> orders) {
        return histogram(orders, o -> o.postLatencyMicros < 0 ? null : o.postLatencyMicros);
    }

    static Histogram placeToConfirmed(List<Order> orders) {
        return histogram(orders, o -> between(o.placedAt, o.confirmedAt));
    }

    /** "p50 / p99 / p99.9 / max" in milliseconds. */
    static String ms(Histogram h) {
        if (h.getTotalCount() == 0) {
            return "–";
        }
        return "%s / %s / %s / %s".formatted(ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(99)),
                ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()));
    }

    static String ms(long micros) {
        double m = micros / 1000.0;
        return m >= 100 ? "%.0f".formatted(m) : m >= 10 ? "%.1f".formatted(m) : "%.2f".formatted(m);
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        java.util.Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
