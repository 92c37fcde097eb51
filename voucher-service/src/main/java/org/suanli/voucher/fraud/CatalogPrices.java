package org.suanli.voucher.fraud;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.suanli.kernel.events.EventCodec;
import org.suanli.kernel.events.EventEnvelope;
import org.suanli.kernel.events.Topics;
import org.suanli.kernel.events.contract.CatalogEvents;
import org.suanli.kernel.pipeline.EventPipeline;
import org.suanli.kernel.pipeline.TypedEventHandler;

import java.util.Set;

/**
 * The offerings' price history (topic catalog.offerings), for the signal PRICE_RAISED_BEFORE_ORDER: each price an
 * offering was published or changed at, from the instant catalog-service announced it. The topic also carries an
 * answer for every order's capacity; the pipeline passes over those on their type header, unparsed.
 */
@ApplicationScoped
public class CatalogPrices extends TypedEventHandler {

    static final String CONSUMER = "voucher-service.offerings";
    private static final Set<String> TYPES = Set.of(CatalogEvents.OFFERING_PUBLISHED, CatalogEvents.OFFERING_CHANGED);

    public CatalogPrices() {
        super(CONSUMER, Topics.CATALOG, TYPES);
    }

    @Inject
    EventCodec codec;

    @Inject
    EventPipeline pipeline;

    @Inject
    EntityManager em;

    @Incoming("offerings")
    @Blocking
    public void on(ConsumerRecords<String, String> records) {
        pipeline.process(this, records);
    }

    @Override
    public void applyOne(EventEnvelope e) {
        CatalogEvents.OfferingChanged o = codec.payload(e, CatalogEvents.OfferingChanged.class);
        em.createNativeQuery("""
                        insert into offering_price (offering_id, from_at, unit_price_fen) values (?1, ?2, ?3)
                        on conflict do nothing""")
                .setParameter(1, o.offeringId()).setParameter(2, e.occurredAt())
                .setParameter(3, o.unitPriceFen()).executeUpdate();
    }
}
