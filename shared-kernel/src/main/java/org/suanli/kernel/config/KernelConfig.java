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

    Inbox inbox();

    Pipeline pipeline();

    Metrics metrics();

    Tracing tracing();

    interface Tracing {
        /** Where spans are exported (OTLP over HTTP); unset, spans still get ids but none is sampled or sent. */
        Optional<String> otlpEndpoint();
    }

    interface Events {
        /** Prepended to every topic name: tests and benchmarks get topics of their own. */
        Optional<String> topicPrefix();

        /** This instance's name among its replicas, stable across restarts (Kafka static membership). */
        String instanceId();

        /**
         * How long a fetch of a consumer off the order's path to CONFIRMED waits for a fuller batch (ms); the channels
         * name it in their {@code fetch.max.wait.ms}, those on the path keep the connector's 20 ms.
         */
        int offPathFetchWaitMs();

        /**
         * Delete the topics (and consumer groups) of {@link #topicPrefix()} when the application stops. For test
         * runs, whose topics are theirs alone: left behind, thousands of their partitions once made the local
         * broker take 49 s to restart.
         */
        @WithDefault("false")
        boolean dropTopicsAtShutdown();
    }

    interface Outbox {
        /** How often the relay looks for events besides being woken by a commit (other replicas', left-overs). */
        @WithDefault("1s")
        Duration pollInterval();

        /** How long a published row is kept (for an operator's look-back) before the retention sweep deletes it. */
        @WithDefault("P7D")
        Duration retention();

        /** How often published outbox rows and old inbox rows are swept; "off" in tests that look at the tables. */
        @WithDefault("10m")
        String sweepInterval();

        /** Readiness goes DOWN when the oldest event still waiting to be published is older than this. */
        @WithDefault("60s")
        Duration readinessMaxAge();
    }

    interface Inbox {
        /**
         * How long an applied event id is remembered. Must exceed the longest time an event can come again:
         * the topics' retention (Kafka's default 7 days) and a replay from the dead-letter topics.
         */
        @WithDefault("P30D")
        Duration retention();
    }

    interface Pipeline {
        /** How often one event is tried alone before it is parked as poison. */
        @WithDefault("3")
        int attempts();

        /** The first pause while the database or broker is away; it doubles up to the longest. */
        @WithDefault("200ms")
        Duration firstRetryPause();

        /** Kept short so that a consumer resumes within a couple of seconds of the database coming back. */
        @WithDefault("2s")
        Duration longestRetryPause();
    }

    interface Metrics {
        /** The event consumers of this service, exported at zero from startup (suanli_events_*_total). */
        Optional<java.util.List<String>> consumers();
    }
}
