package org.suanli.kernel.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The shared kernel's settings ({@code kernel.*}), typed. */
@ConfigMapping(prefix = "kernel")
public interface KernelConfig {

    Events events();

    Outbox outbox();

    Metrics metrics();

    Tracing tracing();

    interface Tracing {
        /** Where spans are exported (OTLP over HTTP); unset, spans still get ids but none is sampled or sent. */
        Optional<String> otlpEndpoint();
    }

    interface Events {
        /** Prepended to every topic name: tests and benchmarks get topics of their own. */
        Optional<String> topicPrefix();
    }

    interface Outbox {
        /** How often the relay looks for events besides being woken by a commit (other replicas', left-overs). */
        @WithDefault("1s")
        Duration pollInterval();

        /** Readiness goes DOWN when the oldest event still waiting to be published is older than this. */
        @WithDefault("60s")
        Duration readinessMaxAge();
    }

    interface Metrics {
        /** The event consumers of this service, exported at zero from startup (suanli_events_*_total). */
        Optional<java.util.List<String>> consumers();
    }
}
