package org.suanli.voucher.kernel;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.suanli.kernel.events.EventCodec;
import org.suanli.kernel.events.EventEnvelope;
import org.suanli.kernel.inbox.Inbox;
import org.suanli.kernel.outbox.Outbox;
import org.suanli.kernel.outbox.OutboxRelay;
import org.suanli.testing.KafkaProbe;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared kernel's promises, proven on the real PostgreSQL and Kafka broker. */
@QuarkusTest
class OutboxAndInboxTest {

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    Inbox inbox;

    @Inject
    EventCodec codec;

    @Inject
    EntityManager em;


    @ConfigProperty(name = "kernel.events.topic-prefix")
    String prefix;

    @Test
    void an_event_is_only_recorded_with_its_state_change() {
        String aggregate = "agg-" + UUID.randomUUID();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.record("kernel-test", "Tested", aggregate, null, Map.of("n", 1));
            throw new IllegalStateException("the state change fails");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(rowsOf(aggregate)).isZero();
    }

    @Test
    void a_relay_that_dies_before_publishing_loses_nothing() throws InterruptedException {
        String aggregate = "agg-" + UUID.randomUUID();
        relay.pause();
        try {
            Thread.sleep(500); // let a relay run that started before the pause finish
            relayDiesThenRecovers(aggregate);
        } finally {
            relay.resume();
        }
    }

    private void relayDiesThenRecovers(String aggregate) {
        QuarkusTransaction.requiringNew().run(() -> outbox.record("kernel-test", "Tested", aggregate, null, Map.of("n", 1)));

        // The broker never acknowledges: the batch rolls back, the event stays pending.
        assertThatThrownBy(() -> relay.relayBatch(events -> {
            throw new java.io.IOException("relay killed before the broker acknowledged");
        })).isInstanceOf(Exception.class);
        assertThat(pendingOf(aggregate)).isEqualTo(1);

        // The next run publishes it.
        relay.relayAll();
        assertThat(pendingOf(aggregate)).isZero();
        List<ConsumerRecord<String, String>> seen = KafkaProbe.readUntil(prefix + "kernel-test", Duration.ofSeconds(20),
                rs -> rs.stream().anyMatch(r -> aggregate.equals(r.key())));
        assertThat(seen).anyMatch(r -> aggregate.equals(r.key()) && codec.read(r.value()).type().equals("Tested"));
    }

    @Test
    void events_of_one_aggregate_arrive_in_the_order_they_happened() {
        String aggregate = "agg-" + UUID.randomUUID();
        for (int i = 0; i < 30; i++) {
            int n = i;
            QuarkusTransaction.requiringNew().run(() -> outbox.record("kernel-order", "Step", aggregate, null, Map.of("n", n)));
        }
        relay.relayAll();
        List<ConsumerRecord<String, String>> seen = KafkaProbe.readUntil(prefix + "kernel-order", Duration.ofSeconds(20),
                rs -> rs.stream().filter(r -> aggregate.equals(r.key())).count() == 30);
        List<Integer> steps = seen.stream().filter(r -> aggregate.equals(r.key()))
                .map(r -> codec.read(r.value()).payload().path("n").asInt()).toList();
        assertThat(steps).hasSize(30).isSorted();
    }

    @Test
    void an_event_arrives_exactly_as_written_whatever_its_text_holds() {
        // Rows are written with COPY (CSV): quotes, commas, line breaks, backslashes and Chinese must survive.
        String aggregate = "agg-\"quoted\", 余杭区 " + UUID.randomUUID();
        String text = "a \"quote\", a comma,\na line break, a back\\slash \\N, 杭州算力券 ✓, and \"\" twice";
        QuarkusTransaction.requiringNew().run(() -> outbox.record("kernel-text", "Texted", aggregate, null, Map.of("text", text)));
        relay.relayAll();
        List<ConsumerRecord<String, String>> seen = KafkaProbe.readUntil(prefix + "kernel-text", Duration.ofSeconds(20),
                rs -> rs.stream().anyMatch(r -> aggregate.equals(r.key())));
        EventEnvelope arrived = codec.read(seen.stream().filter(r -> aggregate.equals(r.key())).findFirst().orElseThrow().value());
        assertThat(arrived.aggregateId()).isEqualTo(aggregate);
        assertThat(arrived.payload().path("text").asText()).isEqualTo(text);
    }

    @Test
    void an_event_delivered_twice_is_applied_once() {
        EventEnvelope event = new EventEnvelope(UUID.randomUUID(), "Tested", 1, java.time.Instant.now(), "agg", "agg", "test",
                codec.mapper().createObjectNode());
        boolean first = QuarkusTransaction.requiringNew().call(() -> inbox.firstDelivery("kernel-test", event));
        boolean second = QuarkusTransaction.requiringNew().call(() -> inbox.firstDelivery("kernel-test", event));
        assertThat(first).isTrue();
        assertThat(second).isFalse();
        // Another consumer of the same event applies it for itself.
        assertThat(QuarkusTransaction.requiringNew().call(() -> inbox.firstDelivery("other-consumer", event))).isTrue();
    }

    private long rowsOf(String aggregate) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_event where aggregate_id = ?1").setParameter(1, aggregate).getSingleResult()).longValue());
    }

    private long pendingOf(String aggregate) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from outbox_event where aggregate_id = ?1 and published_at is null")
                .setParameter(1, aggregate).getSingleResult()).longValue());
    }
}
