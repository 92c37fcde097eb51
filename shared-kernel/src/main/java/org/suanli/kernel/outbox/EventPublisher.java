package org.suanli.kernel.outbox;

import java.util.List;

/** Where the relay hands committed events: Kafka in every deployment; a seam for fault tests. */
public interface EventPublisher {

    /** Publishes all, in order, and returns only when the broker has acknowledged every one; throws otherwise. */
    void publish(List<OutboxEvent> events) throws Exception;
}
