package org.suanli.kernel.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.suanli.kernel.config.KernelConfig;
import org.suanli.kernel.metrics.OutboxBacklog;
import org.suanli.kernel.outbox.OutboxRelay;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Ready only while this service's events leave: DOWN when the oldest unpublished outbox event is older than
 * {@code kernel.outbox.readiness-max-age} and the queue's head has not moved for {@link #STUCK_FOR}, or when the
 * relay's last attempt to publish failed (broker unreachable), with the reason in the body. A service whose events
 * do not leave changes state that nobody else hears of. An outbox that is behind but moving (a rush) is no reason:
 * every instance shares it, so taking them out of service for it would turn a rush into an outage.
 */
@Readiness
@ApplicationScoped
public class OutboxReadiness implements HealthCheck {

    @Inject
    OutboxBacklog backlog;

    @Inject
    OutboxRelay relay;

    @Inject
    KernelConfig config;

    /** Longer than one relay batch takes, shorter than the manifests' readiness period (5 s) twice. */
    static final Duration STUCK_FOR = Duration.ofSeconds(5);

    /** The head of the queue as first seen, and when: the head of a queue that moves changes within seconds. */
    private long headSeq;
    private Instant headSince = Instant.EPOCH;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder r = HealthCheckResponse.named("outbox");
        List<String> problems = new ArrayList<>();
        long limit = config.outbox().readinessMaxAge().toSeconds();
        OutboxBacklog.Backlog b = backlog.current();
        if (b == null) {
            problems.add("the outbox cannot be read");
        } else {
            r.withData("pendingEvents", b.events()).withData("oldestPendingAgeSeconds", Math.round(b.oldestAgeSeconds()));
            long stuckSeconds = secondsAtHead(b.headSeq());
            if (b.oldestAgeSeconds() > limit && stuckSeconds >= STUCK_FOR.toSeconds()) {
                problems.add("the oldest unpublished event is " + Math.round(b.oldestAgeSeconds()) + " s old (limit "
                        + limit + " s), " + b.events() + " waiting, and none has left for " + stuckSeconds + " s");
            }
        }
        Optional<OutboxRelay.Failure> failure = relay.lastFailure();
        failure.ifPresent(f -> problems.add("the relay cannot publish to the broker since " + f.since() + ": " + f.reason()));
        if (!problems.isEmpty()) {
            r.withData("reason", String.join("; ", problems));
        }
        return r.status(problems.isEmpty()).build();
    }

    /** How long the queue's head has been this event (0 when it just changed or nothing waits). */
    private synchronized long secondsAtHead(long seq) {
        Instant now = Instant.now();
        if (seq != headSeq) {
            headSeq = seq;
            headSince = now;
        }
        return seq == 0 ? 0 : Duration.between(headSince, now).toSeconds();
    }
}
