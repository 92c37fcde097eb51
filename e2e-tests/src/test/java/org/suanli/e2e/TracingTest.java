package org.suanli.e2e;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.suanli.testing.KafkaProbe;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One order, one trace: the services export their spans over OTLP/HTTP to a receiver in this test, and one
 * order's spans in all four services carry the same trace id, from the buyer's POST through the capacity
 * reservation, the hold, the confirmation, the delivery's events, the redemption and the ledger posting.
 *
 * <p>Needs the stack started with {@code SUANLI_OTLP_ENDPOINT} (e.g. {@code http://127.0.0.1:4318}, what
 * deploy/services.sh passes on to the services) and the same variable for this run: the receiver listens there.
 */
class TracingTest {

    static final String ENDPOINT = System.getenv("SUANLI_OTLP_ENDPOINT");
    static final Set<String> FOUR = Set.of("catalog-service", "order-service", "voucher-service", "settlement-service");
    static OtlpReceiver receiver;

    @BeforeAll
    static void listen() throws Exception {
        assumeTrue(ENDPOINT != null && !ENDPOINT.isBlank(),
                "SUANLI_OTLP_ENDPOINT is not set: the services export no spans to check (deploy/test.sh sets it)");
        receiver = new OtlpReceiver(ENDPOINT);
    }

    @AfterAll
    static void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void the_order_request_its_offering_read_and_its_event_share_one_trace() {
        Actors.Partner partner = Actors.approvedPartner("DOMESTIC");
        String offering = Actors.publishedOffering(partner, "10.00", "1000.0");
        Actors.Buyer buyer = Actors.buyer("ENTERPRISE", false, false, null);

        String order = Orders.place(buyer.token(), offering, "10.0", "NONE");

        OtlpReceiver.ReceivedSpan post = awaitPlacement(order);
        assertThat(post.name()).isEqualTo("POST /api/orders");
        // order-service read the offering from catalog-service on the buyer's behalf, inside the same trace.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(inTrace(post.traceId()))
                .anySatisfy(s -> {
                    assertThat(s.service()).isEqualTo("catalog-service");
                    assertThat(s.name()).isEqualTo("GET /api/offerings/{id}");
                }));
        // OrderPlaced left through the outbox carrying the same trace, in its envelope and as a Kafka header.
        List<ConsumerRecord<String, String>> placed = KafkaProbe.readUntil(Stack.topicPrefix() + "orders",
                Duration.ofSeconds(30), seen -> seen.stream().anyMatch(r -> order.equals(r.key())));
        ConsumerRecord<String, String> event = placed.stream().filter(r -> order.equals(r.key())).findFirst().orElseThrow();
        Header header = event.headers().lastHeader("traceparent");
        assertThat(header).as("traceparent header of OrderPlaced").isNotNull();
        String traceparent = new String(header.value(), StandardCharsets.UTF_8);
        assertThat(traceparent).startsWith("00-" + post.traceId() + "-").endsWith("-01");
        assertThat(event.value()).contains("\"traceparent\":\"" + traceparent + "\"");
    }

    @Test
    void one_order_s_spans_in_the_four_services_share_one_trace_id() {
        Actors.Partner partner = Actors.approvedPartner("DOMESTIC");
        String offering = Actors.publishedOffering(partner, "10.00", "1000.0");
        Actors.Buyer buyer = Actors.buyer("ENTERPRISE", false, false, null);

        String order = Orders.place(buyer.token(), offering, "100.0", "NONE");
        Orders.awaitState(buyer.token(), order, "CONFIRMED");
        Orders.deliver(partner.token(), order, "100.0", "INV-" + UUID.randomUUID());
        Orders.awaitState(buyer.token(), order, "COMPLETED");

        String trace = awaitPlacement(order).traceId();
        // Every service did something for this order in its trace: catalog reserved and consumed capacity,
        // voucher held and redeemed, order-service confirmed and completed, settlement posted the ledger.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<OtlpReceiver.ReceivedSpan> spans = inTrace(trace);
            Set<String> services = spans.stream().map(OtlpReceiver.ReceivedSpan::service)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(services).as("services with spans in the trace of order %s: %s", order, describe(spans))
                    .containsAll(FOUR);
            for (String service : List.of("catalog-service", "voucher-service", "settlement-service")) {
                assertThat(spans).as("%s spans of order %s in its trace: %s", service, order, describe(spans))
                        .anyMatch(s -> s.service().equals(service) && order.equals(s.attribute("suanli.order_id")));
            }
        });
    }

    private static OtlpReceiver.ReceivedSpan awaitPlacement(String order) {
        OtlpReceiver.ReceivedSpan[] found = new OtlpReceiver.ReceivedSpan[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
            found[0] = receiver.spans().stream()
                    .filter(s -> "order-service".equals(s.service()) && s.kind() == 2 && order.equals(s.attribute("suanli.order_id")))
                    .findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    private static List<OtlpReceiver.ReceivedSpan> inTrace(String traceId) {
        return receiver.spans().stream().filter(s -> traceId.equals(s.traceId())).toList();
    }

    private static String describe(List<OtlpReceiver.ReceivedSpan> spans) {
        return spans.stream().map(s -> s.service() + ": " + s.name()).sorted().collect(Collectors.joining(", "));
    }
}
