package org.suanli.kernel.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.suanli.kernel.kafka.KafkaClients;
import org.suanli.kernel.kafka.RenewedProducer;
import org.suanli.kernel.tracing.Traceparent;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Publishes outbox rows keyed by aggregate id through a producer built from the services' {@code kafka.*}
 * configuration ({@link KafkaClients}: TLS and SASL reach it too), made anew after a failed publish
 * ({@link RenewedProducer}).
 */
@ApplicationScoped
public class KafkaEventPublisher implements EventPublisher {

    /** The header naming the event's type, so a consumer can pass over types it does not handle without parsing. */
    public static final String TYPE_HEADER = "event-type";


    @Inject
    KafkaClients clients;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "quarkus.application.name")
    String application;

    private RenewedProducer producer;
    private volatile KafkaClientMetrics producerMetrics;

    @Override
    public void publish(List<OutboxEvent> events) throws Exception {
        KafkaProducer<String, String> p = producer.get();
        try {
            List<Future<RecordMetadata>> acks = new ArrayList<>(events.size());
            for (OutboxEvent e : events) {
                ProducerRecord<String, String> record = new ProducerRecord<>(e.topic, e.aggregateId, e.envelope);
                record.headers().add(TYPE_HEADER, e.type.getBytes(StandardCharsets.UTF_8));
                record.headers().add("event-id", e.eventId.toString().getBytes(StandardCharsets.UTF_8));
                // W3C Trace Context over Kafka: what tracing-aware consumers and tools look for.
                String traceparent = Traceparent.inEnvelope(e.envelope);
                if (traceparent != null) {
                    record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
                }
                acks.add(p.send(record));
            }
            p.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception failed) {
            producer.discard(p);
            throw failed;
        }
    }

    @PostConstruct
    void init() {
        // The producer that carries every event: its send rate, errors and latency on /q/metrics.
        producer = new RenewedProducer(clients, application + "-outbox-relay", made -> {
            producerMetrics = new KafkaClientMetrics(made);
            producerMetrics.bindTo(registry);
        }, () -> {
            if (producerMetrics != null) {
                producerMetrics.close();
                producerMetrics = null;
            }
        });
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
