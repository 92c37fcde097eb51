package org.suanli.settlement.notice;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.suanli.kernel.problem.TooManyRequests;
import org.suanli.kernel.ratelimit.RateLimiter;

import java.time.Clock;
import java.time.Duration;

/** Objections per client address ({@link NoticeConfig}): anyone may file, nobody may flood the program office. */
@Singleton
public class ObjectionLimiter {

    private final RateLimiter limiter;

    @Inject
    public ObjectionLimiter(NoticeConfig config) {
        limiter = new RateLimiter(config.objectionsPerClient(), config.objectionRefill(), 100_000, Clock.systemUTC());
    }

    /** @throws TooManyRequests (429 with Retry-After) when the address has used up its objections for now */
    public void take(String clientAddress) {
        Duration wait = limiter.acquire(clientAddress);
        if (!wait.isZero()) {
            throw new TooManyRequests("objections", RateLimiter.retryAfterSeconds(wait));
        }
    }
}
