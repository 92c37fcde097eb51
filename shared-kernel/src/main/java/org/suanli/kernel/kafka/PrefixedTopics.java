package org.suanli.kernel.kafka;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.jboss.logging.Logger;
import org.suanli.kernel.config.KernelConfig;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Deletes the topics and consumer groups of this run's topic prefix when the application stops, if
 * {@code kernel.events.drop-topics-at-shutdown} says so (the test profile): a run's topics serve no one after it.
 * Best effort within a few seconds; a broker that is away keeps them, and stopping never fails for it.
 */
@ApplicationScoped
public class PrefixedTopics {

    private static final Logger LOG = Logger.getLogger(PrefixedTopics.class);

    @Inject
    KernelConfig config;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    void drop(@Observes ShutdownEvent ignored) {
        String prefix = config.events().topicPrefix().orElse("");
        if (!config.events().dropTopicsAtShutdown() || prefix.isBlank()) {
            return;
        }
        Map<String, Object> props = new HashMap<>();
        Set<String> names = AdminClientConfig.configNames();
        kafka.forEach((k, v) -> {
            if (names.contains(k)) {
                props.put(k, v);
            }
        });
        props.putIfAbsent(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
        try (Admin admin = Admin.create(props)) {
            List<String> topics = admin.listTopics().names().get(5, TimeUnit.SECONDS).stream()
                    .filter(t -> t.startsWith(prefix)).toList();
            admin.deleteTopics(topics).all().get(5, TimeUnit.SECONDS);
            List<String> groups = admin.listConsumerGroups().all().get(5, TimeUnit.SECONDS).stream()
                    .map(ConsumerGroupListing::groupId).filter(g -> g.startsWith(prefix)).toList();
            // A group whose consumers have not left yet refuses deletion: it stays, harmless and empty soon.
            admin.deleteConsumerGroups(groups).deletedGroups().values().forEach(f -> {
                try {
                    f.get(5, TimeUnit.SECONDS);
                } catch (Exception e) {
                    LOG.debugf("consumer group of %s kept: %s", prefix, e.getMessage());
                }
            });
            LOG.debugf("dropped %d topics and their groups of %s", topics.size(), prefix);
        } catch (Exception e) {
            LOG.infof("topics of %s left in the broker: %s", prefix, e.getMessage());
        }
    }
}
