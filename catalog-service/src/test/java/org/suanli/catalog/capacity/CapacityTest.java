package org.suanli.catalog.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suanli.catalog.TestData;
import org.suanli.catalog.offering.OfferingService;
import org.suanli.catalog.offering.OfferingView;
import org.suanli.catalog.partner.FacilityType;
import org.suanli.catalog.partner.PartnerService;
import org.suanli.kernel.events.EventEnvelope;
import org.suanli.kernel.events.Topics;
import org.suanli.kernel.events.contract.OrderEvents;
import org.suanli.testing.KafkaProbe;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Capacity is inventory: orders reserve it (events from order-service), ends give it back, deliveries
 * consume it; each order is applied once; it is never oversold, however many reservations race.
 */
@QuarkusTest
class CapacityTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final String RUN = TestData.unique("cap");
    static final String PARTNER = "ptn-" + RUN;
    static final String FACILITY = "fac-" + RUN;
    static final String MODEL = RUN + "-910B";
    static boolean seeded;

    @ConfigProperty(name = "kernel.events.topic-prefix")
    String prefix;

    @Inject
    PartnerService partners;

    @Inject
    OfferingService offerings;

    @Inject
    CapacityLedger ledger;

    @Inject
    EntityManager em;

    @BeforeEach
    void partner() {
        if (!seeded) {
            partners.apply(PARTNER, TestData.application("Cap " + RUN, TestData.facility(FACILITY, "Cap DC", "钱塘区", MODEL, 512)), "test");
            partners.approve(PARTNER, TestData.approval(FacilityType.DOMESTIC, FACILITY), "test");
            seeded = true;
        }
    }

    /** A published offering of {@code capacity} GPU-hours. */
    private String offering(String capacity) {
        String id = offerings.create(PARTNER, TestData.compute(FACILITY, MODEL, "11.50", capacity)).id();
        offerings.publish(PARTNER, id);
        return id;
    }

    private OfferingView view(String id) {
        return offerings.find(id).orElseThrow();
    }

    @Test
    void anOrderPlacedOnKafkaReservesCapacityAndTheAnswerGoesOutKeyedByOffering() {
        String offering = offering("100");
        String order = order();
        send(placed(order, offering, 400));
        JsonNode answer = answerFor(order, offering);
        assertEquals("CapacityReserved", answer.path("type").asText());
        assertEquals(offering, answer.path("aggregateId").asText());
        assertEquals(order, answer.path("payload").path("orderId").asText());
        assertEquals(400, answer.path("payload").path("gpuHoursTenths").asLong());
        assertTrue(answer.path("payload").path("reason").isNull());
        assertEquals("40.0", view(offering).capacityReserved());
        assertEquals("60.0", view(offering).capacityLeft());
    }

    @Test
    void anOrderForMoreThanIsLeftIsRefusedForNoCapacity() {
        String offering = offering("10");
        String order = order();
        send(placed(order, offering, 101));
        JsonNode answer = answerFor(order, offering);
        assertEquals("CapacityRefused", answer.path("type").asText());
        assertEquals("NO_CAPACITY", answer.path("payload").path("reason").asText());
        assertEquals("10.0", view(offering).capacityLeft());
    }

    @Test
    void aWithdrawnOfferingOrASuspendedPartnerRefusesWithTheirReason() {
        String withdrawn = offering("10");
        offerings.withdraw(PARTNER, withdrawn);
        assertEquals("OFFERING_WITHDRAWN", ledger.reserve(order(), withdrawn, 10, null).reservation().reason());
        assertEquals("OFFERING_WITHDRAWN", ledger.reserve(order(), "off-unknown", 10, null).reservation().reason());

        String other = "ptn-s-" + RUN;
        String facility = "fac-s-" + RUN;
        partners.apply(other, TestData.application("S " + RUN, TestData.facility(facility, "S DC", "上城区", MODEL, 8)), "test");
        partners.approve(other, TestData.approval(FacilityType.OTHER, facility), "test");
        String offering = offerings.create(other, TestData.compute(facility, MODEL, "20.00", "100")).id();
        offerings.publish(other, offering);
        partners.suspend(other, "audit", "test");
        String order = order();
        send(placed(order, offering, 10));
        JsonNode answer = answerFor(order, offering);
        assertEquals("CapacityRefused", answer.path("type").asText());
        assertEquals("PARTNER_NOT_APPROVED", answer.path("payload").path("reason").asText());
        assertEquals("0.0", view(offering).capacityReserved());
    }

    @Test
    void theSameOrderIsReservedOnceHoweverOftenItComes() {
        String offering = offering("100");
        String order = order();
        String placed = placed(order, offering, 300);
        send(placed);
        send(placed); // redelivery of the same event: the inbox skips it
        send(placed(order, offering, 300)); // the same order again under a new event id: the reservation row skips it
        // An event catalog applies, about some other order, on the same key and so the same partition:
        // once it is applied, all before it were.
        String other = order();
        String marker = envelope(OrderEvents.REJECTED, other, new OrderEvents.Ended(other, "TIMEOUT"));
        KafkaProbe.send(prefix + Topics.ORDERS, order, marker);
        UUID markerId = UUID.fromString(read(marker).path("id").asText());
        await().atMost(Duration.ofSeconds(60)).until(() -> applied(markerId));
        assertEquals("30.0", view(offering).capacityReserved());
        assertEquals(1, outboxCount(order, "CapacityReserved"));
        assertEquals(0, outboxCount(order, "CapacityRefused"));
        assertEquals(1, answersFor(order, offering, Duration.ofSeconds(30), 1).size());
    }

    @Test
    void anEndedOrderGivesItsCapacityBackOnce() {
        String offering = offering("50");
        String order = order();
        send(placed(order, offering, 500));
        answerFor(order, offering);
        assertEquals("0.0", view(offering).capacityLeft());
        send(envelope(OrderEvents.CANCELLED, order, new OrderEvents.Ended(order, "buyer cancelled")));
        await().atMost(Duration.ofSeconds(60)).until(() -> "50.0".equals(view(offering).capacityLeft()));
        assertEquals(ReservationStatus.RELEASED, ledger.find(order).orElseThrow().status());
        // released once: a second end (expiry after cancel) gives nothing more back
        assertTrue(!ledger.release(order, "OrderExpired", null).applied());
        assertEquals("50.0", view(offering).capacityLeft());
        assertEquals("0.0", view(offering).capacityReserved());
        List<JsonNode> answers = answersFor(order, offering, Duration.ofSeconds(30), 2);
        assertEquals(List.of("CapacityReserved", "CapacityReleased"), answers.stream().map(a -> a.path("type").asText()).toList());
        assertEquals(500, answers.get(1).path("payload").path("gpuHoursTenths").asLong());
    }

    @Test
    void rejectedAndExpiredOrdersAreReleasedToo() {
        String offering = offering("20");
        String rejected = order();
        String expired = order();
        assertTrue(ledger.reserve(rejected, offering, 100, null).applied());
        assertTrue(ledger.reserve(expired, offering, 100, null).applied());
        assertEquals("0.0", view(offering).capacityLeft());
        send(envelope(OrderEvents.REJECTED, rejected, new OrderEvents.Ended(rejected, "no subsidy budget")));
        send(envelope(OrderEvents.EXPIRED, expired, new OrderEvents.Ended(expired, "not confirmed in time")));
        await().atMost(Duration.ofSeconds(60)).until(() -> "20.0".equals(view(offering).capacityLeft()));
        assertEquals("OrderRejected: no subsidy budget", ledger.find(rejected).orElseThrow().reason());
    }

    @Test
    void aDeliveredOrderConsumesWhatWasUsedAndReleasesTheRest() {
        String offering = offering("100");
        String order = order();
        assertTrue(ledger.reserve(order, offering, 400, null).applied());
        send(envelope(OrderEvents.DELIVERED, order, new OrderEvents.Delivered(order, offering, 400, 275, 31625, "INV-2026-0001")));
        await().atMost(Duration.ofSeconds(60)).until(() -> ledger.find(order).orElseThrow().status() == ReservationStatus.CONSUMED);
        OfferingView v = view(offering);
        assertEquals("27.5", v.capacityConsumed());
        assertEquals("0.0", v.capacityReserved());
        assertEquals("72.5", v.capacityLeft());
        CapacityLedger.Reservation r = ledger.find(order).orElseThrow();
        assertEquals(275, r.consumedTenths());
        assertEquals(125, r.releasedTenths());
        // delivered twice, or cancelled after delivery: nothing moves
        assertTrue(!ledger.consume(order, 400, null).applied());
        assertTrue(!ledger.release(order, "OrderCancelled", null).applied());
        assertEquals("72.5", view(offering).capacityLeft());
        JsonNode consumed = answersFor(order, offering, Duration.ofSeconds(30), 2).get(1);
        assertEquals("CapacityConsumed", consumed.path("type").asText());
        assertEquals(275, consumed.path("payload").path("gpuHoursTenths").asLong());
    }

    @Test
    void anEndThatOvertakesItsPlacementLeavesNothingReserved() {
        String offering = offering("10");
        String order = order();
        assertTrue(ledger.release(order, "OrderCancelled", null).applied());
        assertTrue(!ledger.reserve(order, offering, 50, null).applied());
        assertEquals("10.0", view(offering).capacityLeft());
    }

    @Test
    void racingReservationsNeverOversell() throws Exception {
        String offering = offering("50"); // room for exactly 5 orders of 10 GPU-hours
        int racers = 20;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CapacityLedger.Outcome>> results = new ArrayList<>();
        try {
            for (int i = 0; i < racers; i++) {
                String order = order();
                Callable<CapacityLedger.Outcome> racer = () -> {
                    start.await();
                    return ledger.reserve(order, offering, 100, null);
                };
                results.add(pool.submit(racer));
            }
            start.countDown();
            List<CapacityLedger.Reservation> outcomes = new ArrayList<>();
            for (Future<CapacityLedger.Outcome> f : results) {
                outcomes.add(f.get().reservation());
            }
            Map<ReservationStatus, Long> byStatus = outcomes.stream()
                    .collect(Collectors.groupingBy(CapacityLedger.Reservation::status, Collectors.counting()));
            assertEquals(5L, byStatus.get(ReservationStatus.RESERVED));
            assertEquals(15L, byStatus.get(ReservationStatus.REFUSED));
            assertTrue(outcomes.stream().filter(r -> r.status() == ReservationStatus.REFUSED)
                    .allMatch(r -> "NO_CAPACITY".equals(r.reason())));
        } finally {
            pool.shutdownNow();
        }
        OfferingView v = view(offering);
        assertEquals("50.0", v.capacityReserved());
        assertEquals("0.0", v.capacityLeft());
    }

    /**
     * A poll's placements are reserved together: in their order while enough is left (on a 50 h offering 30 h
     * fits, then 15 h, then not 10 h since 5 h are left, then those 5 h), each order once though it came twice,
     * on two offerings at once, and every order gets its own answer.
     */
    @Test
    void aPollOfPlacementsIsReservedInArrivalOrderWhileEnoughIsLeftEachOrderOnce() {
        String small = offering("50");
        String big = offering("1000");
        String a = order(), b = order(), c = order(), d = order(), e = order();
        List<CapacityLedger.Outcome> outcomes = QuarkusTransaction.requiringNew().call(() -> {
            ledger.lockOfferings(List.of(small, big), List.of());
            return ledger.reserveAll(List.of(
                    new CapacityLedger.Request(a, small, 300, null),
                    new CapacityLedger.Request(b, big, 2000, null),
                    new CapacityLedger.Request(c, small, 150, null),
                    new CapacityLedger.Request(a, small, 300, null), // the same placement again
                    new CapacityLedger.Request(d, small, 100, null),
                    new CapacityLedger.Request(e, small, 50, null)));
        });
        List<String> got = outcomes.stream().map(o -> o.reservation().orderId() + " " + o.reservation().status()
                + (o.reservation().reason() == null ? "" : " " + o.reservation().reason()) + (o.applied() ? "" : " again")).toList();
        assertEquals(List.of(a + " RESERVED", b + " RESERVED", c + " RESERVED", a + " RESERVED again",
                d + " REFUSED NO_CAPACITY", e + " RESERVED"), got);
        assertEquals("50.0", view(small).capacityReserved());
        assertEquals("0.0", view(small).capacityLeft());
        assertEquals("200.0", view(big).capacityReserved());
        assertEquals(1, outboxCount(a, "CapacityReserved"));
        assertEquals(1, outboxCount(d, "CapacityRefused"));
        // what each order holds is what it will give back
        assertEquals(ReservationStatus.REFUSED, ledger.find(d).orElseThrow().status());
        assertEquals(150, ledger.find(c).orElseThrow().requestedTenths());
    }

    @Test
    void racingDuplicatesOfOneOrderReserveOnce() throws Exception {
        String offering = offering("100");
        String order = order();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CapacityLedger.Outcome>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return ledger.reserve(order, offering, 100, null);
                }));
            }
            start.countDown();
            long applied = 0;
            for (Future<CapacityLedger.Outcome> f : results) {
                applied += f.get().applied() ? 1 : 0;
            }
            assertEquals(1, applied);
        } finally {
            pool.shutdownNow();
        }
        assertEquals("10.0", view(offering).capacityReserved());
        assertEquals(1, outboxCount(order, "CapacityReserved"));
    }

    @Test
    void unreadableRecordsAreSkippedAndTheConsumerCarriesOn() {
        String offering = offering("10");
        KafkaProbe.send(prefix + Topics.ORDERS, "junk", "this is not an event");
        KafkaProbe.send(prefix + Topics.ORDERS, "junk", "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"OrderPlaced\",\"payload\":{\"orderId\":[1]}}");
        String order = order();
        send(placed(order, offering, 10));
        assertEquals("CapacityReserved", answerFor(order, offering).path("type").asText());
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static String order() {
        return "ord-" + UUID.randomUUID();
    }

    private String placed(String order, String offering, long tenths) {
        return envelope(OrderEvents.PLACED, order, new OrderEvents.Placed(order, "ent-xihu-ai", PARTNER, "91330110MA2H4K7Q6F",
                true, offering, FACILITY, "钱塘区", "COMPUTE", "DOMESTIC", false, tenths, 1150, 1150 * tenths / 10,
                Instant.now(), Instant.now().plus(Duration.ofDays(7)), "NONE", LocalDate.now()));
    }

    private static String envelope(String type, String order, Object payload) {
        EventEnvelope e = new EventEnvelope(UUID.randomUUID(), type, 1, Instant.now(), order, order, "order-service",
                JSON.valueToTree(payload));
        try {
            return JSON.writeValueAsString(e);
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private void send(String envelope) {
        KafkaProbe.send(prefix + Topics.ORDERS, read(envelope).path("aggregateId").asText(), envelope);
    }

    private JsonNode answerFor(String order, String offering) {
        List<JsonNode> answers = answersFor(order, offering, Duration.ofSeconds(60), 1);
        assertTrue(!answers.isEmpty(), "no answer for " + order);
        return answers.get(0);
    }

    /** The catalog's events about this order, in order, once {@code atLeast} have arrived (or the wait is over). */
    private List<JsonNode> answersFor(String order, String offering, Duration wait, int atLeast) {
        Function<List<ConsumerRecord<String, String>>, List<JsonNode>> mine = recs -> recs.stream()
                .filter(r -> offering.equals(r.key())).map(r -> read(r.value()))
                .filter(n -> order.equals(n.path("payload").path("orderId").asText())).toList();
        return mine.apply(KafkaProbe.readUntil(prefix + Topics.CATALOG, wait, recs -> mine.apply(recs).size() >= atLeast));
    }

    private boolean applied(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from inbox_event where event_id = :id").setParameter("id", eventId).getSingleResult()).longValue() == 1);
    }

    private long outboxCount(String order, String type) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from outbox_event where event_type = :t and envelope like :o")
                .setParameter("t", type).setParameter("o", "%" + order + "%").getSingleResult()).longValue());
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
