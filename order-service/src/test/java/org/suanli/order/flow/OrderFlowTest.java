package org.suanli.order.flow;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.suanli.kernel.events.EventCodec;
import org.suanli.kernel.events.EventEnvelope;
import org.suanli.kernel.events.Topics;
import org.suanli.kernel.events.contract.CatalogEvents;
import org.suanli.kernel.events.contract.OrderEvents;
import org.suanli.kernel.events.contract.VoucherEvents;
import org.suanli.order.expiry.DeadlineSweeper;
import org.suanli.order.support.Catalog;
import org.suanli.order.support.CatalogStub;
import org.suanli.order.support.Emitted;
import org.suanli.order.support.Neighbours;
import org.suanli.testing.KafkaProbe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.suanli.order.support.Neighbours.capacity;
import static org.suanli.order.support.Neighbours.held;
import static org.suanli.order.support.Neighbours.toCatalogTopic;
import static org.suanli.order.support.Neighbours.toVoucherTopic;
import static org.suanli.order.support.OrderTestSupport.cancel;
import static org.suanli.order.support.OrderTestSupport.deliver;
import static org.suanli.order.support.OrderTestSupport.get;
import static org.suanli.order.support.OrderTestSupport.place;
import static org.suanli.order.support.OrderTestSupport.state;

/**
 * The order's life driven by catalog's and voucher's answers, sent as real records to this run's topics;
 * what order-service emits is read from its outbox (and, for the whole life, from the orders topic).
 */
@QuarkusTest
@WithTestResource(CatalogStub.class)
class OrderFlowTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String BUYER = "ent-xihu-ai";   // sme1
    static final String PROBLEM = "application/problem+json";

    @Inject
    AgroalDataSource ds;

    @Inject
    EventCodec codec;

    @Inject
    DeadlineSweeper sweeper;

    @Inject
    OrderFlow flow;

    record Placed(String orderId, String offeringId) {
    }

    /** 8.00 yuan per GPU-hour, 100 hours: estimate 800.00. */
    Placed placeHundredHours() {
        String offering = Catalog.offering("8.00", "1000.0");
        return new Placed(place("sme1", offering, "100"), offering);
    }

    void reserved(Placed p) {
        toCatalogTopic(p.offeringId(), capacity(codec, CatalogEvents.CAPACITY_RESERVED, p.orderId(), p.offeringId(), 1000, null));
    }

    /** 算力券 at 30 % held on the 800.00 estimate: 240.00. */
    void held30(Placed p) {
        toVoucherTopic(p.orderId(), held(codec, p.orderId(), BUYER, 3000, 24000, 0, 0, List.of()));
    }

    void awaitState(String orderId, String state) {
        await().atMost(PATIENCE).until(() -> state.equals(state(orderId)));
    }

    Placed confirmed() {
        Placed p = placeHundredHours();
        reserved(p);
        held30(p);
        awaitState(p.orderId(), "CONFIRMED");
        return p;
    }

    @Test
    void a_delivery_report_retried_with_the_same_key_is_recorded_once() {
        Placed p = confirmed();
        String key = java.util.UUID.randomUUID().toString();
        String report = "{\"gpuHoursUsed\":\"60\",\"invoiceNumber\":\"INV-IDEM-" + key.substring(0, 8) + "\"}";
        io.restassured.RestAssured.given().header("Authorization", org.suanli.testing.Tokens.bearer("partner1"))
                .header("Idempotency-Key", key).contentType(io.restassured.http.ContentType.JSON).body(report)
                .post("/api/orders/" + p.orderId() + "/delivery").then().statusCode(200)
                .body("state", equalTo("DELIVERED")).body("delivery.actualAmount", equalTo("480.00"));
        // the partner's system did not see the answer and sends the same report again: the same answer, not a 409
        io.restassured.RestAssured.given().header("Authorization", org.suanli.testing.Tokens.bearer("partner1"))
                .header("Idempotency-Key", key).contentType(io.restassured.http.ContentType.JSON).body(report)
                .post("/api/orders/" + p.orderId() + "/delivery").then().statusCode(200)
                .body("state", equalTo("DELIVERED")).body("delivery.gpuHoursUsed", equalTo("60.0"));
        // the same key with other hours is a mistake: 409, and the delivery stays as first reported
        io.restassured.RestAssured.given().header("Authorization", org.suanli.testing.Tokens.bearer("partner1"))
                .header("Idempotency-Key", key).contentType(io.restassured.http.ContentType.JSON)
                .body(report.replace("\"60\"", "\"70\"")).post("/api/orders/" + p.orderId() + "/delivery")
                .then().statusCode(409).body("type", endsWith("/idempotency-key-reused"));
        get("partner1", p.orderId()).body("delivery.gpuHoursUsed", equalTo("60.0"));
        assertEquals(List.of("OrderPlaced", "OrderConfirmed", "OrderDelivered"), Emitted.types(ds, p.orderId()),
                "one OrderDelivered, however often the report was sent");
    }

    @Test
    void happy_path_from_placed_to_completed_with_the_exact_amounts() {
        Placed p = confirmed();
        get("sme1", p.orderId()).statusCode(200)
                .body("capacity", equalTo("RESERVED"))
                .body("subsidy.status", equalTo("HELD"))
                .body("subsidy.policy", equalTo("HZ-2025"))
                .body("subsidy.programYear", equalTo(2026))
                .body("subsidy.suanliRate", equalTo("0.30"))
                .body("subsidy.suanliHeld", equalTo("240.00"))
                .body("subsidy.zhinengHeld", equalTo("0.00"))
                .body("buyerPays", equalTo("560.00"))
                .body("history[1].from", equalTo("PLACED"))
                .body("history[1].to", equalTo("CONFIRMED"));
        assertEquals(List.of("OrderPlaced", "OrderConfirmed"), Emitted.types(ds, p.orderId()));

        // 75.5 of 100 hours used: 8.00 × 75.5 = 604.00
        deliver("partner1", p.orderId(), "75.5", "INV-2026-11-0001").statusCode(200)
                .body("state", equalTo("DELIVERED"))
                .body("delivery.gpuHoursUsed", equalTo("75.5"))
                .body("delivery.invoiceNumber", equalTo("INV-2026-11-0001"))
                .body("delivery.actualAmount", equalTo("604.00"))
                .body("history[2].actor", equalTo("partner1"));
        Emitted.Row delivered = Emitted.outbox(ds, p.orderId()).get(2);
        assertEquals("OrderDelivered", delivered.type());
        OrderEvents.Delivered d = codec.payload(codec.read(delivered.envelope()), OrderEvents.Delivered.class);
        assertEquals(new OrderEvents.Delivered(p.orderId(), p.offeringId(), 1000, 755, 60400, "INV-2026-11-0001"), d);

        // voucher redeems on the actual amount with the locked 30 %: floor(60400 × 0.30) = 18120 fen
        toVoucherTopic(p.orderId(), Neighbours.envelope(codec, VoucherEvents.REDEEMED, p.orderId(), p.orderId(),
                "voucher-service", new VoucherEvents.Redeemed(p.orderId(), BUYER, 2026, 60400, 18120, 0, 5880, 0)));
        awaitState(p.orderId(), "COMPLETED");
        get("sme1", p.orderId()).statusCode(200)
                .body("completion.actualAmount", equalTo("604.00"))
                .body("completion.suanli", equalTo("181.20"))
                .body("completion.zhineng", equalTo("0.00"))
                .body("completion.buyerPays", equalTo("422.80"))
                .body("completion.partnerOwed", equalTo("604.00"))
                .body("buyerPays", equalTo("422.80"))
                .body("subsidy.status", equalTo("REDEEMED"))
                .body("history.to", equalTo(List.of("PLACED", "CONFIRMED", "DELIVERED", "COMPLETED")));

        Emitted.Row completed = Emitted.outbox(ds, p.orderId()).get(3);
        assertEquals("OrderCompleted", completed.type());
        OrderEvents.Completed c = codec.payload(codec.read(completed.envelope()), OrderEvents.Completed.class);
        assertEquals(BUYER, c.buyerId());
        assertEquals(Catalog.PARTNER, c.partnerId());
        assertEquals(p.offeringId(), c.offeringId());
        assertEquals("DOMESTIC", c.facilityType());
        assertEquals("COMPUTE", c.category());
        assertEquals(60400, c.actualAmountFen());
        assertEquals(18120, c.suanliFen());
        assertEquals(0, c.zhinengFen());
        assertEquals(42280, c.buyerPaysFen());
        assertEquals(60400, c.partnerOwedFen());
        assertEquals("INV-2026-11-0001", c.invoiceNumber());
        assertEquals("杭州昇腾算力", c.partnerName(), "the compute centre's name as the order locked it, for the public notice");

        // and the relay has put the whole life on the orders topic, in order, keyed by the order
        List<String> life = List.of("OrderPlaced", "OrderConfirmed", "OrderDelivered", "OrderCompleted");
        List<ConsumerRecord<String, String>> records = KafkaProbe.readUntil(Neighbours.prefix() + Topics.ORDERS, PATIENCE,
                seen -> typesFor(seen, p.orderId()).size() >= life.size());
        assertEquals(life, typesFor(records, p.orderId()));
    }

    @Test
    void a_large_claim_shows_in_review_and_a_refused_one_completes_without_subsidy() {
        Placed p = confirmed();
        // all 100 hours used: 8.00 × 100 = 800.00
        deliver("partner1", p.orderId(), "100", "INV-REVIEW-" + p.orderId()).statusCode(200);
        toVoucherTopic(p.orderId(), Neighbours.envelope(codec, VoucherEvents.IN_REVIEW, p.orderId(), p.orderId(),
                "voucher-service", new VoucherEvents.InReview(p.orderId(), BUYER, 2026, 80000, 24000, 0, 50000)));
        await().atMost(PATIENCE).until(() -> "IN_REVIEW".equals(get("sme1", p.orderId()).extract().path("subsidy.status")));
        get("sme1", p.orderId()).statusCode(200).body("state", equalTo("DELIVERED")).body("buyerPays", equalTo("560.00"));

        // refused in review: voucher gives the 240.00 back; the delivered compute is still owed in full
        toVoucherTopic(p.orderId(), Neighbours.envelope(codec, VoucherEvents.RELEASED, p.orderId(), p.orderId(),
                "voucher-service", new VoucherEvents.Released(p.orderId(), BUYER, 2026, 24000, 0, "REVIEW_REFUSED: invoice unclear")));
        awaitState(p.orderId(), "COMPLETED");
        get("sme1", p.orderId()).statusCode(200)
                .body("subsidy.status", equalTo("RELEASED"))
                .body("completion.suanli", equalTo("0.00"))
                .body("completion.buyerPays", equalTo("800.00"))
                .body("completion.partnerOwed", equalTo("800.00"));
        OrderEvents.Completed c = codec.payload(codec.read(Emitted.outbox(ds, p.orderId()).get(3).envelope()), OrderEvents.Completed.class);
        assertEquals(0, c.suanliFen());
        assertEquals(80000, c.buyerPaysFen());

    }

    List<String> typesFor(List<ConsumerRecord<String, String>> records, String orderId) {
        return records.stream().filter(r -> orderId.equals(r.key())).map(r -> codec.read(r.value()).type()).toList();
    }

    @Test
    void the_subsidy_may_be_held_before_capacity_and_may_be_zero_with_its_reasons() {
        Placed p = placeHundredHours();
        toVoucherTopic(p.orderId(), held(codec, p.orderId(), BUYER, 0, 0, 0, 0, List.of("BUDGET_EXHAUSTED")));
        await().atMost(PATIENCE).until(() -> "HELD".equals(get("sme1", p.orderId()).extract().path("subsidy.status")));
        assertEquals("PLACED", state(p.orderId()), "capacity still unanswered");
        reserved(p);
        awaitState(p.orderId(), "CONFIRMED");
        get("sme1", p.orderId()).statusCode(200)
                .body("subsidy.reasons", equalTo(List.of("BUDGET_EXHAUSTED")))
                .body("subsidy.suanliHeld", equalTo("0.00"))
                .body("buyerPays", equalTo("800.00"))
                .body("history[1].actor", equalTo("catalog-service"));
    }

    @Test
    void refused_capacity_rejects_the_order_and_a_later_hold_does_not_confirm_it() {
        Placed p = placeHundredHours();
        toCatalogTopic(p.offeringId(), capacity(codec, CatalogEvents.CAPACITY_REFUSED, p.orderId(), p.offeringId(), 1000, "NO_CAPACITY"));
        awaitState(p.orderId(), "REJECTED");
        get("sme1", p.orderId()).statusCode(200).body("subsidy.status", equalTo("RELEASED"));
        held30(p);
        await().atMost(PATIENCE).until(() -> "240.00".equals(get("sme1", p.orderId()).extract().path("subsidy.suanliHeld")));
        // the late hold is remembered, but a rejected order never shows its subsidy as held: voucher gives it back
        get("sme1", p.orderId()).statusCode(200).body("state", equalTo("REJECTED"))
                .body("subsidy.status", equalTo("RELEASED"))
                .body("endReason", equalTo("NO_CAPACITY")).body("capacity", equalTo("REFUSED"))
                .body("buyerPays", nullValue());
        List<Emitted.Row> out = Emitted.outbox(ds, p.orderId());
        assertEquals(List.of("OrderPlaced", "OrderRejected"), out.stream().map(Emitted.Row::type).toList());
        assertEquals(new OrderEvents.Ended(p.orderId(), "NO_CAPACITY"),
                codec.payload(codec.read(out.get(1).envelope()), OrderEvents.Ended.class));

        // voucher compensates on OrderRejected; its release is shown
        toVoucherTopic(p.orderId(), Neighbours.envelope(codec, VoucherEvents.RELEASED, p.orderId(), p.orderId(),
                "voucher-service", new VoucherEvents.Released(p.orderId(), BUYER, 2026, 24000, 0, "OrderRejected")));
        await().atMost(PATIENCE).until(() -> "RELEASED".equals(get("sme1", p.orderId()).extract().path("subsidy.status")));
        deliver("partner1", p.orderId(), "1", "INV-1").statusCode(409).body("type", endsWith("/order-state-conflict"));
        cancel("sme1", p.orderId()).statusCode(409);
    }

    @Test
    void the_same_event_delivered_twice_is_applied_once() {
        Placed p = placeHundredHours();
        String reservedTwice = capacity(codec, CatalogEvents.CAPACITY_RESERVED, p.orderId(), p.offeringId(), 1000, null);
        String heldTwice = held(codec, p.orderId(), BUYER, 3000, 24000, 0, 0, List.of());
        toCatalogTopic(p.offeringId(), reservedTwice);
        toCatalogTopic(p.offeringId(), reservedTwice);
        toVoucherTopic(p.orderId(), heldTwice);
        toVoucherTopic(p.orderId(), heldTwice);
        awaitState(p.orderId(), "CONFIRMED");
        String heldId = codec.read(heldTwice).id().toString();
        String reservedId = codec.read(reservedTwice).id().toString();
        // both copies consumed (the inbox knows each event once) ...
        await().atMost(PATIENCE).until(() -> Emitted.count(ds,
                "select count(*) from inbox_event where event_id in (?::uuid, ?::uuid)", heldId, reservedId) == 2);
        // ... and a replayed copy after the fact changes nothing either
        toVoucherTopic(p.orderId(), heldTwice);
        String marker = capacity(codec, CatalogEvents.CAPACITY_RELEASED, p.orderId(), "another-offering", 0, null);
        toCatalogTopic(p.offeringId(), reservedTwice);
        toCatalogTopic(p.offeringId(), marker);
        String markerId = codec.read(marker).id().toString();
        await().atMost(PATIENCE).until(() -> Emitted.count(ds, "select count(*) from inbox_event where event_id = ?::uuid", markerId) == 1);

        assertEquals(List.of("OrderPlaced", "OrderConfirmed"), Emitted.types(ds, p.orderId()));
        get("sme1", p.orderId()).statusCode(200).body("history.size()", equalTo(2)).body("capacity", equalTo("RESERVED"));
    }

    @Test
    void an_order_unconfirmed_past_the_deadline_is_rejected_for_timeout_and_a_late_answer_is_ignored() {
        Placed p = placeHundredHours();
        held30(p);   // voucher answered; catalog is "down"
        await().atMost(PATIENCE).until(() -> "HELD".equals(get("sme1", p.orderId()).extract().path("subsidy.status")));
        Instant placedAt = Instant.parse(get("sme1", p.orderId()).extract().path("placedAt"));

        assertEquals(false, flow.rejectIfOverdue(p.orderId(), placedAt.plus(flow.confirmationDeadline())), "not yet");
        assertTrue(sweeper.rejectOverdue(placedAt.plus(flow.confirmationDeadline()).plusSeconds(1)) >= 1);
        get("sme1", p.orderId()).statusCode(200).body("state", equalTo("REJECTED")).body("endReason", equalTo("TIMEOUT"))
                .body("history[1].actor", equalTo("order-service")).body("history[1].reason", containsString("capacity"));
        List<Emitted.Row> out = Emitted.outbox(ds, p.orderId());
        assertEquals(List.of("OrderPlaced", "OrderRejected"), out.stream().map(Emitted.Row::type).toList());
        assertEquals("TIMEOUT", codec.payload(codec.read(out.get(1).envelope()), OrderEvents.Ended.class).reason());

        // catalog comes back and answers late: remembered, but the order stays rejected (catalog releases on OrderRejected)
        reserved(p);
        await().atMost(PATIENCE).until(() -> "RESERVED".equals(get("sme1", p.orderId()).extract().path("capacity")));
        assertEquals("REJECTED", state(p.orderId()));
        assertEquals(List.of("OrderPlaced", "OrderRejected"), Emitted.types(ds, p.orderId()));
        assertEquals(false, flow.rejectIfOverdue(p.orderId(), Instant.now().plus(Duration.ofDays(1))), "ended once");
    }

    @Test
    void the_buyer_cancels_a_confirmed_order_and_catalog_and_voucher_give_back() {
        Placed p = confirmed();
        cancel("sme1", p.orderId()).statusCode(200).body("state", equalTo("CANCELLED"));
        List<Emitted.Row> out = Emitted.outbox(ds, p.orderId());
        assertEquals(List.of("OrderPlaced", "OrderConfirmed", "OrderCancelled"), out.stream().map(Emitted.Row::type).toList());
        assertEquals(new OrderEvents.Ended(p.orderId(), "BUYER_CANCELLED"),
                codec.payload(codec.read(out.get(2).envelope()), OrderEvents.Ended.class));

        toCatalogTopic(p.offeringId(), capacity(codec, CatalogEvents.CAPACITY_RELEASED, p.orderId(), p.offeringId(), 1000, "OrderCancelled"));
        toVoucherTopic(p.orderId(), Neighbours.envelope(codec, VoucherEvents.RELEASED, p.orderId(), p.orderId(),
                "voucher-service", new VoucherEvents.Released(p.orderId(), BUYER, 2026, 24000, 0, "OrderCancelled")));
        await().atMost(PATIENCE).until(() -> "RELEASED".equals(get("sme1", p.orderId()).extract().path("capacity"))
                && "RELEASED".equals(get("sme1", p.orderId()).extract().path("subsidy.status")));

        deliver("partner1", p.orderId(), "10", "INV-2").statusCode(409).body("type", endsWith("/order-state-conflict"));
        cancel("sme1", p.orderId()).statusCode(409);
        assertEquals(3, Emitted.types(ds, p.orderId()).size());
    }

    @Test
    void a_confirmed_order_whose_window_passes_undelivered_expires() {
        Placed p = confirmed();
        Instant windowEnd = Instant.parse(get("sme1", p.orderId()).extract().path("windowEnd"));
        assertEquals(false, flow.expireIfOverdue(p.orderId(), windowEnd), "the window's last instant still counts");
        assertTrue(sweeper.expireOverdue(windowEnd.plusSeconds(1)) >= 1);
        get("sme1", p.orderId()).statusCode(200).body("state", equalTo("EXPIRED")).body("endReason", equalTo("WINDOW_PASSED"));
        assertEquals(List.of("OrderPlaced", "OrderConfirmed", "OrderExpired"), Emitted.types(ds, p.orderId()));
        deliver("partner1", p.orderId(), "10", "INV-3").statusCode(409);
        cancel("sme1", p.orderId()).statusCode(409);
    }

    @Test
    void delivery_must_come_from_the_orders_partner_within_the_hours_ordered_once() {
        Placed p = placeHundredHours();
        deliver("partner1", p.orderId(), "10", "INV-4").statusCode(409).body("type", endsWith("/order-state-conflict"));
        reserved(p);
        held30(p);
        awaitState(p.orderId(), "CONFIRMED");

        deliver("partner2", p.orderId(), "10", "INV-4").statusCode(404);
        deliver("partner1", p.orderId(), "100.1", "INV-4").statusCode(422).body("type", endsWith("/delivery-above-ordered"));
        deliver("partner1", p.orderId(), "0", "INV-4").statusCode(400);
        deliver("partner1", p.orderId(), "10.25", "INV-4").statusCode(400);
        deliver("partner1", p.orderId(), "10", "").statusCode(400);
        deliver("partner1", p.orderId(), "10", "INV 4; drop").statusCode(400);
        get("sme1", p.orderId()).statusCode(200).body("state", equalTo("CONFIRMED")).body("delivery", nullValue());
        assertEquals(List.of("OrderPlaced", "OrderConfirmed"), Emitted.types(ds, p.orderId()));

        deliver("partner1", p.orderId(), "100", "INV-4").statusCode(200).body("delivery.actualAmount", equalTo("800.00"));
        deliver("partner1", p.orderId(), "100", "INV-4").statusCode(409);
        cancel("sme1", p.orderId()).statusCode(409);
        assertEquals(List.of("OrderPlaced", "OrderConfirmed", "OrderDelivered"), Emitted.types(ds, p.orderId()));
    }

    @Test
    void an_invoice_proves_the_delivery_of_one_order_only() throws SQLException {
        Placed first = confirmed();
        Placed second = confirmed();
        deliver("partner1", first.orderId(), "100", "XS-INV-0001").statusCode(200);

        // the partner reuses that invoice for another order, in any case: refused, naming the order that carries it
        for (String reused : List.of("XS-INV-0001", "xs-inv-0001")) {
            deliver("partner1", second.orderId(), "11.7", reused).statusCode(409).contentType(PROBLEM)
                    .body("type", endsWith("/invoice-already-used"))
                    .body("status", equalTo(409))
                    .body("detail", containsString(first.orderId()));
        }
        get("partner1", second.orderId()).statusCode(200).body("state", equalTo("CONFIRMED")).body("delivery", nullValue());
        assertEquals(List.of("OrderPlaced", "OrderConfirmed"), Emitted.types(ds, second.orderId()));

        // the first order's own report repeated is answered as before (already delivered) and changes nothing
        deliver("partner1", first.orderId(), "100", "XS-INV-0001").statusCode(409).body("type", endsWith("/order-state-conflict"));
        get("partner1", first.orderId()).statusCode(200).body("state", equalTo("DELIVERED"))
                .body("delivery.invoiceNumber", equalTo("XS-INV-0001"));
        assertEquals(List.of("OrderPlaced", "OrderConfirmed", "OrderDelivered"), Emitted.types(ds, first.orderId()));

        // with its own invoice the second order is delivered
        deliver("partner1", second.orderId(), "11.7", "XS-INV-0002").statusCode(200).body("state", equalTo("DELIVERED"));

        // and the database holds the rule too, spacing and case aside
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("update orders set invoice_number = ? where id = ?")) {
            ps.setString(1, " xs-inv-0001 ");
            ps.setString(2, second.orderId());
            SQLException refused = assertThrows(SQLException.class, ps::executeUpdate);
            assertEquals("23505", refused.getSQLState(), refused.getMessage());
        }
        get("partner1", second.orderId()).statusCode(200).body("delivery.invoiceNumber", equalTo("XS-INV-0002"));
    }

    @Test
    void a_delivery_racing_another_with_the_same_invoice_gets_the_same_409() throws Exception {
        Placed first = confirmed();
        Placed second = confirmed();
        try (Connection other = ds.getConnection()) {
            // another delivery of the first order carrying the invoice, not yet committed when the second one checks
            other.setAutoCommit(false);
            try (PreparedStatement ps = other.prepareStatement("update orders set invoice_number = ? where id = ?")) {
                ps.setString(1, "XS-RACE-0001");
                ps.setString(2, first.orderId());
                ps.executeUpdate();
            }
            CompletableFuture<ValidatableResponse> racing = CompletableFuture.supplyAsync(
                    () -> deliver("partner1", second.orderId(), "10", "xs-race-0001"));
            await().atMost(PATIENCE).until(() -> racing.isDone() || Emitted.count(ds,
                    "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'") > 0);
            other.commit();
            racing.get().statusCode(409).contentType(PROBLEM)
                    .body("type", endsWith("/invoice-already-used"))
                    .body("detail", containsString(first.orderId()));
        }
        get("partner1", second.orderId()).statusCode(200).body("state", equalTo("CONFIRMED")).body("delivery", nullValue());
        assertEquals(List.of("OrderPlaced", "OrderConfirmed"), Emitted.types(ds, second.orderId()));
    }

    @Test
    void answers_about_orders_that_are_not_ours_or_unreadable_records_do_not_stop_the_flow() {
        String stranger = UUID.randomUUID().toString();
        toCatalogTopic("off-x", capacity(codec, CatalogEvents.CAPACITY_RESERVED, stranger, "off-x", 10, null));
        toVoucherTopic(stranger, "this is not an envelope");
        toCatalogTopic("off-x", Neighbours.envelope(codec, CatalogEvents.OFFERING_CHANGED, "off-x", "off-x", "catalog-service",
                new CatalogEvents.OfferingChanged("off-x", "ptn", "PUBLISHED", 100, 10)));
        // a payload with a field added later by its producer is still read
        Placed p = placeHundredHours();
        EventEnvelope extended = codec.read(held(codec, p.orderId(), BUYER, 3000, 24000, 0, 0, List.of()));
        ((com.fasterxml.jackson.databind.node.ObjectNode) extended.payload()).put("addedLater", "x");
        toVoucherTopic(p.orderId(), codec.write(extended));
        reserved(p);
        awaitState(p.orderId(), "CONFIRMED");
    }
}
