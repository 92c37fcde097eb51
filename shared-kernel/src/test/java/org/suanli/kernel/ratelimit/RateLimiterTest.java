package org.suanli.kernel.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RateLimiterTest {

    /** A clock the test moves by hand. */
    static final class Hand extends Clock {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");

        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    @Test
    void five_at_once_then_one_every_twelve_minutes() {
        Hand clock = new Hand();
        RateLimiter limiter = new RateLimiter(5, Duration.ofMinutes(12), 100, clock);
        for (int i = 0; i < 5; i++) {
            assertEquals(Duration.ZERO, limiter.acquire("203.0.113.1"));
        }
        assertEquals(Duration.ofMinutes(12), limiter.acquire("203.0.113.1"), "the sixth waits a whole refill");
        assertEquals(Duration.ZERO, limiter.acquire("203.0.113.2"), "another address has its own bucket");
        clock.now = clock.now.plus(Duration.ofMinutes(7));
        assertEquals(Duration.ofMinutes(5), limiter.acquire("203.0.113.1"), "7 of 12 minutes earned");
        assertEquals(300, RateLimiter.retryAfterSeconds(Duration.ofMinutes(5)));
        clock.now = clock.now.plus(Duration.ofMinutes(5));
        assertEquals(Duration.ZERO, limiter.acquire("203.0.113.1"));
        assertEquals(Duration.ofMinutes(12), limiter.acquire("203.0.113.1"));
        // a day later the bucket is full again, never fuller
        clock.now = clock.now.plus(Duration.ofDays(1));
        for (int i = 0; i < 5; i++) {
            assertEquals(Duration.ZERO, limiter.acquire("203.0.113.1"));
        }
        assertEquals(Duration.ofMinutes(12), limiter.acquire("203.0.113.1"));
    }

    @Test
    void retry_after_rounds_up_to_a_whole_second() {
        assertEquals(1, RateLimiter.retryAfterSeconds(Duration.ofMillis(1)));
        assertEquals(2, RateLimiter.retryAfterSeconds(Duration.ofMillis(1001)));
    }

    @Test
    void keys_are_bounded_and_a_forgotten_key_starts_full() {
        Hand clock = new Hand();
        RateLimiter limiter = new RateLimiter(1, Duration.ofMinutes(1), 2, clock);
        assertEquals(Duration.ZERO, limiter.acquire("a"));
        assertEquals(Duration.ZERO, limiter.acquire("b"));
        // room for two keys, both in use: a third pushes one out rather than growing without bound
        assertEquals(Duration.ZERO, limiter.acquire("c"));
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertEquals(Duration.ZERO, limiter.acquire("d"));
    }
}
