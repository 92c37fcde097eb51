package org.suanli.order.flow;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.suanli.kernel.events.EventEnvelope;
import org.suanli.kernel.events.contract.CatalogEvents;
import org.suanli.kernel.pipeline.TypedEventHandler;
import org.suanli.kernel.pipeline.EventPipeline;
import org.suanli.order.client.KnownOfferings;

import java.util.Set;

/**
 * catalog-service's partner vetting (topic catalog.partners): a partner approved or suspended has its offerings
 * dropped from the copy POSTs decide on, so a suspended partner's offering is refused at once, as a withdrawn one.
 */
@ApplicationScoped
public class CatalogPartners extends TypedEventHandler {

    static final String CONSUMER = "order-service.partners";
    private static final Set<String> TYPES = Set.of(CatalogEvents.PARTNER_APPROVED, CatalogEvents.PARTNER_SUSPENDED);

    public CatalogPartners() {
        super(CONSUMER, CatalogEvents.PARTNERS_TOPIC, TYPES);
    }

    @Inject
    KnownOfferings offerings;

    @Inject
    EventPipeline pipeline;

    @Incoming("partners")
    @Blocking
    public void on(ConsumerRecords<String, String> records) {
        pipeline.process(this, records);
    }

    @Override
    public void applyOne(EventEnvelope e) {
        offerings.partnerChanged(e.aggregateId());
    }
}
