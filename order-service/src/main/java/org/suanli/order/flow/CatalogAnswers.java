package org.suanli.order.flow;

import org.suanli.kernel.inbox.ApplyInPlace;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.suanli.kernel.events.EventCodec;
import org.suanli.kernel.events.EventEnvelope;
import org.suanli.kernel.events.contract.CatalogEvents;
import org.suanli.kernel.inbox.Inbox;

import java.util.Set;

/** catalog-service's answers about capacity (topic catalog.offerings); other offering events are not ours. */
@ApplicationScoped
public class CatalogAnswers {

    private static final Logger LOG = Logger.getLogger(CatalogAnswers.class);
    static final String CONSUMER = "order-service.catalog";
    private static final Set<String> TYPES = Set.of(CatalogEvents.CAPACITY_RESERVED, CatalogEvents.CAPACITY_REFUSED,
            CatalogEvents.CAPACITY_RELEASED, CatalogEvents.CAPACITY_CONSUMED);

    @Inject
    EventCodec codec;


    @Inject
    Inbox inbox;

    @Inject
    OrderFlow flow;

    @Inject
    ApplyInPlace applyInPlace;

    /** In its own transaction, retried in place while the database is away (see {@link ApplyInPlace}). */
    @Incoming("catalog")
    @Blocking
    public void on(String json) {
        applyInPlace.run("applying a record of catalog", () -> apply(json));
    }

    void apply(String json) {
        EventEnvelope e;
        CatalogEvents.Capacity capacity;
        try {
            e = codec.read(json);
            if (!TYPES.contains(e.type())) {
                return;
            }
            capacity = codec.payload(e, CatalogEvents.Capacity.class);
        } catch (IllegalArgumentException bad) {
            // A record nobody can read will not become readable by retrying: log it and go on.
            LOG.errorf("unreadable record on catalog.offerings skipped: %s", bad.getMessage());
            return;
        }
        if (!inbox.firstDelivery(CONSUMER, e)) {
            LOG.debugf("%s %s already applied", e.type(), e.id());
            return;
        }
        flow.onCapacity(e, capacity);
    }
}
