package org.suanli.voucher.fraud;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.suanli.kernel.events.EventCodec;
import org.suanli.kernel.events.EventEnvelope;
import org.suanli.kernel.events.contract.CatalogEvents;
import org.suanli.kernel.pipeline.EventPipeline;
import org.suanli.kernel.pipeline.TypedEventHandler;

import java.util.Set;

/**
 * The sellers' particulars (topic catalog.partners), for the signal SHARED_PARTICULARS: the credit code, legal
 * representative, address and contact a partner was vetted with, as its approval or suspension announces them.
 * An event that carries none of them (written before they were in the contract) leaves what is known as it is.
 */
@ApplicationScoped
public class CatalogPartners extends TypedEventHandler {

    static final String CONSUMER = "voucher-service.partners";
    private static final Set<String> TYPES = Set.of(CatalogEvents.PARTNER_APPROVED, CatalogEvents.PARTNER_SUSPENDED);

    public CatalogPartners() {
        super(CONSUMER, CatalogEvents.PARTNERS_TOPIC, TYPES);
    }

    @Inject
    EventCodec codec;

    @Inject
    EventPipeline pipeline;

    @Inject
    EntityManager em;

    @Incoming("partners")
    @Blocking
    public void on(ConsumerRecords<String, String> records) {
        pipeline.process(this, records);
    }

    @Override
    public void applyOne(EventEnvelope e) {
        CatalogEvents.PartnerStatusChanged p = codec.payload(e, CatalogEvents.PartnerStatusChanged.class);
        if (p.creditCode() == null && p.legalRepresentative() == null && p.address() == null && p.contact() == null) {
            return;
        }
        // Plain JDBC: a particular left out binds as a null text (setString), where a native query's untyped null may not.
        em.unwrap(org.hibernate.Session.class).doWork(c -> {
            try (java.sql.PreparedStatement q = c.prepareStatement("""
                    insert into partner_particulars (partner_id, credit_code, legal_representative, address, contact, updated_at)
                    values (?, ?, ?, ?, ?, ?)
                    on conflict (partner_id) do update set credit_code = excluded.credit_code,
                        legal_representative = excluded.legal_representative, address = excluded.address,
                        contact = excluded.contact, updated_at = excluded.updated_at
                    where partner_particulars.updated_at <= excluded.updated_at""")) {
                q.setString(1, p.partnerId());
                q.setString(2, p.creditCode());
                q.setString(3, p.legalRepresentative());
                q.setString(4, p.address());
                q.setString(5, p.contact());
                q.setObject(6, e.occurredAt().atOffset(java.time.ZoneOffset.UTC));
                q.executeUpdate();
            }
        });
    }
}
