package org.suanli.settlement.ledger;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.suanli.kernel.events.EventCodec;
import org.suanli.kernel.events.EventEnvelope;
import org.suanli.kernel.events.Topics;
import org.suanli.kernel.events.contract.OrderEvents;
import org.suanli.kernel.pipeline.TypedEventHandler;
import org.suanli.kernel.pipeline.EventPipeline;

import java.util.Set;

/**
 * Topic {@code orders}: every OrderCompleted becomes a journal entry. Idempotent twice over: per event (the
 * pipeline's inbox, in this transaction) and per order (one completion entry per order id, unique in the
 * database). Other order events are not the ledger's business and are skipped before the inbox.
 */
@ApplicationScoped
public class OrderCompletedConsumer extends TypedEventHandler {

    static final String CONSUMER = "settlement.orders";
    private static final Set<String> TYPES = Set.of(OrderEvents.COMPLETED);

    public OrderCompletedConsumer() {
        super(CONSUMER, Topics.ORDERS, TYPES);
    }

    @Inject
    EventCodec codec;

    @Inject
    Ledger ledger;

    @Inject
    EventPipeline pipeline;

    @Incoming("orders")
    @Blocking
    public void on(ConsumerRecords<String, String> records) {
        pipeline.process(this, records);
    }

    @Override
    public void applyOne(EventEnvelope e) {
        ledger.postCompletion(e.id(), codec.payload(e, OrderEvents.Completed.class));
    }
}
