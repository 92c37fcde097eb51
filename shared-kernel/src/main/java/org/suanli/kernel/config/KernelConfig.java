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

    interface Events {
        /** Prepended to every topic name: tests and benchmarks get topics of their own. */
        Optional<String> topicPrefix();
    }

    interface Outbox {
        /** How often the relay looks for events besides being woken by a commit (other replicas', left-overs). */
        @WithDefault("1s")
        Duration pollInterval();
    }
}
