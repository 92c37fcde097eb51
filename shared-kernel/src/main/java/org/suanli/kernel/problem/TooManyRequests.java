package org.suanli.kernel.problem;

import java.util.Map;

/** 429: the client sent too many requests of a kind; {@link ProblemMappers} adds the Retry-After header. */
public class TooManyRequests extends ProblemException {

    private final long retryAfterSeconds;

    public TooManyRequests(String what, long retryAfterSeconds) {
        super(429, "too-many-requests", "Too many requests", "too many " + what + " from your address; try again in "
                + retryAfterSeconds + " seconds", Map.of("retryAfterSeconds", retryAfterSeconds));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
