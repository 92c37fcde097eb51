package org.suanli.kernel.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key (e.g. a client's IP address): {@code burst} requests at once, then one more every
 * {@code refill}. Plain Java, held in memory by one instance: behind N replicas a client gets up to N times the
 * allowance, which is acceptable for abuse control (the limit is about spam, not money). The number of keys is
 * bounded so that a flood of addresses cannot exhaust memory: full buckets are forgotten first, since a
 * forgotten key starts full anyway.
 */
public final class RateLimiter {

    private final int burst;
    private final long refillNanos;
    private final int maxKeys;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Tokens (scaled by refillNanos so that refilling stays in whole numbers) and when they were counted. */
    private record Bucket(long scaledTokens, long atNanos) {
    }

    public RateLimiter(int burst, Duration refill, int maxKeys, Clock clock) {
        if (burst < 1 || refill.isNegative() || refill.isZero() || maxKeys < 1) {
            throw new IllegalArgumentException("a rate limit needs burst ≥ 1, a positive refill and room for keys");
        }
        this.burst = burst;
        this.refillNanos = refill.toNanos();
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    public RateLimiter(int burst, Duration refill) {
        this(burst, refill, 100_000, Clock.systemUTC());
    }

    /**
     * Takes one token for {@code key}.
     *
     * @return {@link Duration#ZERO} when allowed; otherwise how long until the next token (never zero)
     */
    public Duration acquire(String key) {
        long now = nanos();
        long full = Math.multiplyExact((long) burst, refillNanos);
        if (buckets.size() >= maxKeys && !buckets.containsKey(key)) {
            forgetFullBuckets(now, full);
        }
        long[] wait = {0};
        buckets.compute(key, (k, b) -> {
            long tokens = b == null ? full : Math.min(full, b.scaledTokens + (now - b.atNanos));
            if (tokens >= refillNanos) {
                return new Bucket(tokens - refillNanos, now);
            }
            wait[0] = refillNanos - tokens;
            return new Bucket(tokens, now);
        });
        return Duration.ofNanos(wait[0]);
    }

    /** Seconds to wait, rounded up, as the Retry-After header says it (at least 1). */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toNanos() + 999_999_999L) / 1_000_000_000L);
    }

    private void forgetFullBuckets(long now, long full) {
        buckets.entrySet().removeIf(e -> e.getValue().scaledTokens + (now - e.getValue().atNanos) >= full);
        // still full of live keys: forget arbitrary ones rather than grow without bound
        for (Iterator<String> it = buckets.keySet().iterator(); buckets.size() >= maxKeys && it.hasNext(); ) {
            it.next();
            it.remove();
        }
    }

    private long nanos() {
        // millisecond clock, in nanoseconds: a Clock is what tests can move
        return Math.multiplyExact(clock.millis(), 1_000_000L);
    }
}
