package org.suanli.order.flow;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.suanli.kernel.events.EventCodec;
import org.suanli.kernel.events.EventEnvelope;
import org.suanli.kernel.events.Topics;
import org.suanli.kernel.events.contract.CatalogEvents;
import org.suanli.kernel.pipeline.EventHandler;
import org.suanli.kernel.pipeline.EventPipeline;

import java.util.List;
import java.util.Set;

/** catalog-service's answers about capacity (topic catalog.offerings); other offering events are not ours. */
@ApplicationScoped
public class CatalogAnswers implements EventHandler {

    static final String CONSUMER = "order-service.catalog";
    private static final Set<String> TYPES = Set.of(CatalogEvents.CAPACITY_RESERVED, CatalogEvents.CAPACITY_REFUSED,
            CatalogEvents.CAPACITY_RELEASED, CatalogEvents.CAPACITY_CONSUMED);

    @Inject
    EventCodec codec;

    @Inject
    OrderFlow flow;

    @Inject
    EventPipeline pipeline;

    @Incoming("catalog")
    @Blocking
    public void on(ConsumerRecords<String, String> records) {
        pipeline.process(this, records);
    }

    @Override
    public String name() {
        return CONSUMER;
    }

    @Override
    public String topic() {
        return Topics.CATALOG;
    }

    @Override
    public boolean handles(String type) {
        return TYPES.contains(type);
    }

    @Override
    public void lockInOrder(List<EventEnvelope> fresh) {
        flow.lockOrders(fresh);
    }

    @Override
    public void applyOne(EventEnvelope e) {
        flow.onCapacity(e, codec.payload(e, CatalogEvents.Capacity.class));
    }
}
