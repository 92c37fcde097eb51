package org.suanli.kernel.pipeline;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.suanli.kernel.config.KernelConfig;
import org.suanli.kernel.kafka.KafkaClients;
import org.suanli.kernel.kafka.RenewedProducer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The dead-letter topics: one per service and source topic, {@code <service>.<topic>.dlq} (with the
 * environment's prefix). A parked record keeps its key and value as they came, and says in headers who
 * parked it, why, after how many attempts, and where it came from. Replaying reads them back with a
 * consumer group of its own, so each parked record is replayed once per replay command.
 */
@ApplicationScoped
public class DeadLetters {

    static final String ERROR = "dlq-error";
    static final String CONSUMER = "dlq-consumer";
    static final String ATTEMPTS = "dlq-attempts";
    static final String PARKED_AT = "dlq-parked-at";
    static final String ORIGINAL_TOPIC = "dlq-original-topic";
    static final String ORIGINAL_PARTITION = "dlq-original-partition";
    static final String ORIGINAL_OFFSET = "dlq-original-offset";

    @Inject
    KafkaClients clients;

    @Inject
    KernelConfig config;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    private RenewedProducer producer;

    public String topicFor(EventHandler handler) {
        return prefix() + service + "." + handler.topic() + ".dlq";
    }

    private String prefix() {
        return config.events().topicPrefix().orElse("");
    }

    /** Parks one record, waiting for the broker's acknowledgement; throws if the broker cannot take it. */
    void park(EventHandler handler, Delivery delivery, String error, int attempts) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topicFor(handler), delivery.key(), delivery.value());
        header(record, ERROR, error.length() > 2000 ? error.substring(0, 2000) : error);
        header(record, CONSUMER, handler.name());
        header(record, ATTEMPTS, Integer.toString(attempts));
        header(record, PARKED_AT, Instant.now().toString());
        header(record, ORIGINAL_TOPIC, delivery.topic());
        header(record, ORIGINAL_PARTITION, Integer.toString(delivery.partition()));
        header(record, ORIGINAL_OFFSET, Long.toString(delivery.offset()));
        KafkaProducer<String, String> p = producer.get();
        try {
            p.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception failed) {
            producer.discard(p);
            throw failed;
        }
    }

    /** A parked record as an operator reads it. */
    public record Parked(String consumer, String topic, int partition, long offset, String eventKey,
                         String error, int attempts, String parkedAt, String value) {
    }

    /** The records parked by this handler and not yet replayed, at most {@code limit}. */
    public List<Parked> pending(EventHandler handler, int limit) {
        List<Parked> out = new ArrayList<>();
        readPending(handler, r -> {
            if (out.size() < limit) {
                Delivery d = Delivery.parked(r);
                out.add(new Parked(Delivery.header(r, CONSUMER, handler.name()), d.topic(), d.partition(), d.offset(),
                        r.key(), Delivery.header(r, ERROR, ""), Integer.parseInt(Delivery.header(r, ATTEMPTS, "0")),
                        Delivery.header(r, PARKED_AT, ""), r.value()));
            }
        }, false);
        return out;
    }

    /**
     * Hands every record parked by this handler and not yet replayed to {@code each}, then remembers them
     * as replayed. Records parked again meanwhile come after the end read at the start, so they wait for
     * the next replay.
     */
    void replay(EventHandler handler, Consumer<ConsumerRecord<String, String>> each) {
        readPending(handler, each, true);
    }

    private void readPending(EventHandler handler, Consumer<ConsumerRecord<String, String>> each, boolean commit) {
        String topic = topicFor(handler);
        KafkaConsumer<String, String> consumer = clients.consumer(prefix() + service + ".dlq-replay");
        try {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos == null || infos.isEmpty()) {
                return;
            }
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(partitions), Duration.ofSeconds(10));
            Map<TopicPartition, Long> from = new HashMap<>();
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata c = committed.get(tp);
                if (c == null) {
                    consumer.seekToBeginning(List.of(tp));
                    from.put(tp, consumer.position(tp, Duration.ofSeconds(10)));
                } else {
                    consumer.seek(tp, c.offset());
                    from.put(tp, c.offset());
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        each.accept(r);
                    }
                }
            }
            if (commit) {
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                end.forEach((tp, offset) -> done.put(tp, new OffsetAndMetadata(Math.min(offset, consumer.position(tp)))));
                consumer.commitSync(done);
            }
        } finally {
            consumer.close(Duration.ofSeconds(2)); // it never joined the group: nothing to wait for
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @PostConstruct
    void init() {
        producer = new RenewedProducer(clients, service + "-dead-letters");
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
