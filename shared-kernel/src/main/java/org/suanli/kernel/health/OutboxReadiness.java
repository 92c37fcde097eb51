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

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Ready only while this service's events leave: DOWN when the oldest unpublished outbox event is older than
 * {@code kernel.outbox.readiness-max-age}, or the relay's last attempt to publish failed (broker unreachable),
 * with the reason in the body. A service whose events do not leave changes state that nobody else hears of.
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
            if (b.oldestAgeSeconds() > limit) {
                problems.add("the oldest unpublished event is " + Math.round(b.oldestAgeSeconds()) + " s old (limit "
                        + limit + " s), " + b.events() + " waiting");
            }
        }
        Optional<OutboxRelay.Failure> failure = relay.lastFailure();
        failure.ifPresent(f -> problems.add("the relay cannot publish to the broker since " + f.since() + ": " + f.reason()));
        if (!problems.isEmpty()) {
            r.withData("reason", String.join("; ", problems));
        }
        return r.status(problems.isEmpty()).build();
    }
}
