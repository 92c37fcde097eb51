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
import org.suanli.kernel.pipeline.EventHandler;
import org.suanli.kernel.pipeline.EventPipeline;

/**
 * Topic {@code orders}: every OrderCompleted becomes a journal entry. Idempotent twice over: per event (the
 * pipeline's inbox, in this transaction) and per order (one completion entry per order id, unique in the
 * database). Other order events are not the ledger's business and are skipped before the inbox.
 */
@ApplicationScoped
public class OrderCompletedConsumer implements EventHandler {

    static final String CONSUMER = "settlement.orders";

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
    public String name() {
        return CONSUMER;
    }

    @Override
    public String topic() {
        return Topics.ORDERS;
    }

    @Override
    public boolean handles(String type) {
        return OrderEvents.COMPLETED.equals(type);
    }

    @Override
    public void applyOne(EventEnvelope e) {
        ledger.postCompletion(e.id(), codec.payload(e, OrderEvents.Completed.class));
    }
}
