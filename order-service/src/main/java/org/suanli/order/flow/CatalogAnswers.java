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
import org.suanli.kernel.pipeline.TypedEventHandler;
import org.suanli.kernel.pipeline.EventPipeline;
import org.suanli.order.client.KnownOfferings;

import java.util.List;
import java.util.Set;

/**
 * catalog-service's answers about capacity (topic catalog.offerings), and its announcements of offerings that
 * changed: those drop the offering from the copy POSTs decide on ({@link KnownOfferings}).
 */
@ApplicationScoped
public class CatalogAnswers extends TypedEventHandler {

    static final String CONSUMER = "order-service.catalog";
    private static final Set<String> TYPES = Set.of(CatalogEvents.CAPACITY_RESERVED, CatalogEvents.CAPACITY_REFUSED,
            CatalogEvents.CAPACITY_RELEASED, CatalogEvents.CAPACITY_CONSUMED, CatalogEvents.OFFERING_PUBLISHED,
            CatalogEvents.OFFERING_CHANGED, CatalogEvents.OFFERING_WITHDRAWN);

    public CatalogAnswers() {
        super(CONSUMER, Topics.CATALOG, TYPES);
    }

    @Inject
    EventCodec codec;

    @Inject
    OrderFlow flow;

    @Inject
    EventPipeline pipeline;

    @Inject
    KnownOfferings offerings;

    @Incoming("catalog")
    @Blocking
    public void on(ConsumerRecords<String, String> records) {
        pipeline.process(this, records);
    }

    @Override
    public void lockInOrder(List<EventEnvelope> fresh) {
        flow.lockOrders(fresh);
    }

    @Override
    public void applyOne(EventEnvelope e) {
        switch (e.type()) {
            case CatalogEvents.OFFERING_PUBLISHED, CatalogEvents.OFFERING_CHANGED, CatalogEvents.OFFERING_WITHDRAWN ->
                    offerings.changed(e.aggregateId());
            default -> onCapacity(e, codec.payload(e, CatalogEvents.Capacity.class));
        }
    }

    /** The order's step, and the copy of the offering following the hours catalog reserved or gave back. */
    private void onCapacity(EventEnvelope e, CatalogEvents.Capacity c) {
        flow.onCapacity(e, c);
        if (CatalogEvents.CAPACITY_RESERVED.equals(e.type())) {
            offerings.capacityMoved(c.offeringId(), c.gpuHoursTenths());
        } else if (CatalogEvents.CAPACITY_RELEASED.equals(e.type())) {
            offerings.capacityMoved(c.offeringId(), -c.gpuHoursTenths());
        }
    }
}
