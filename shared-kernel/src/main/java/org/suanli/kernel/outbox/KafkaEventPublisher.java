package org.suanli.kernel.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.suanli.kernel.kafka.KafkaClients;
import org.suanli.kernel.tracing.Traceparent;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Publishes outbox rows keyed by aggregate id through a producer built from the services' {@code kafka.*}
 * configuration ({@link KafkaClients}: TLS and SASL reach it too). After a failed publish the producer is closed
 * and made anew, so a broker that restarted is met by a fresh connection and producer id at the relay's next try.
 */
@ApplicationScoped
public class KafkaEventPublisher implements EventPublisher {

    @Inject
    KafkaClients clients;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "quarkus.application.name")
    String application;

    private volatile KafkaProducer<String, String> producer;
    private volatile KafkaClientMetrics producerMetrics;

    @Override
    public void publish(List<OutboxEvent> events) throws Exception {
        KafkaProducer<String, String> p = producer();
        try {
            List<Future<RecordMetadata>> acks = new ArrayList<>(events.size());
            for (OutboxEvent e : events) {
                ProducerRecord<String, String> record = new ProducerRecord<>(e.topic, e.aggregateId, e.envelope);
                record.headers().add("event-type", e.type.getBytes(StandardCharsets.UTF_8));
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
            discard(p);
            throw failed;
        }
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    KafkaProducer<String, String> created = clients.producer(application + "-outbox-relay");
                    // The producer that carries every event: its send rate, errors and latency on /q/metrics.
                    producerMetrics = new KafkaClientMetrics(created);
                    producerMetrics.bindTo(registry);
                    producer = created;
                }
            }
        }
        return producer;
    }

    private synchronized void discard(KafkaProducer<String, String> failed) {
        if (producer == failed) {
            producer = null;
            if (producerMetrics != null) {
                producerMetrics.close();
                producerMetrics = null;
            }
            failed.close(Duration.ZERO);
        }
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
