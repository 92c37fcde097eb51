package org.suanli.voucher.hold;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suanli.kernel.events.EventEnvelope;
import org.suanli.kernel.events.contract.OrderEvents;
import org.suanli.voucher.Api;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/**
 * The subsidy follows the order's life over the real Kafka broker: held when the order is placed,
 * redeemed on the delivered amount, released when the order ends without delivery.
 */
@QuarkusTest
class SubsidyLifeTest {

    static final LocalDate CONTRACT_DATE = LocalDate.of(2026, 11, 20);

    @BeforeEach
    void buyers() {
        // An SME enterprise (50% on COMPUTE while its year stays under 500,000 CNY) and a large enterprise.
        Api.registerBuyer("ent-life-sme", "91330106MA2B0LF001", "ENTERPRISE", true, false, null);
        Api.registerBuyer("ent-life-big", "91330106MA2B0LF002", "ENTERPRISE", false, false, null);
    }

    @Test
    void placed_order_is_held_then_redeemed_on_the_delivered_amount_and_the_rest_goes_back() {
        String order = "ord-" + UUID.randomUUID();
        // 100,000.00 CNY of domestic compute for an SME with nothing declared before: 50% → 50,000.00 held.
        OrderEventsFixture.send(OrderEventsFixture.envelope(OrderEvents.PLACED, order,
                OrderEventsFixture.placed(order, "ent-life-sme", "COMPUTE", "DOMESTIC", 10_000_000L, CONTRACT_DATE, "NONE")));
        awaitStatus(order, "HELD");
        Api.as("admin1").get("/api/holds/" + order).then()
                .body("suanliRate", equalTo("0.50")).body("suanliHeld", equalTo("50000.00"))
                .body("zhinengHeld", equalTo("0.00")).body("reasons", contains("SME_BOOST"));

        // Delivered 80,000.00: the locked 50% gives 40,000.00; 10,000.00 of the hold goes back.
        OrderEventsFixture.send(OrderEventsFixture.envelope(OrderEvents.DELIVERED, order,
                new OrderEvents.Delivered(order, "off-1", 1000, 800, 8_000_000L, "INV-1")));
        awaitStatus(order, "REDEEMED");
        Api.as("admin1").get("/api/holds/" + order).then()
                .body("actualAmount", equalTo("80000.00")).body("suanliRedeemed", equalTo("40000.00"));
        Api.as("admin1").get("/api/budgets/2026/buyers").then()
                .body("find { it.buyerId == 'ent-life-sme' }.suanliRedeemed", equalTo("40000.00"))
                .body("find { it.buyerId == 'ent-life-sme' }.suanliHeld", equalTo("0.00"))
                .body("find { it.buyerId == 'ent-life-sme' }.declared", equalTo("80000.00"));
        Api.as("finance1").get("/api/redemptions?year=2026&month=11").then()
                .body("find { it.orderId == '" + order + "' }.suanli", equalTo("40000.00"));
    }

    @Test
    void the_same_event_delivered_twice_is_applied_once() {
        String order = "ord-" + UUID.randomUUID();
        // 10,000.00 CNY on OTHER facilities for a large enterprise: 20% → 2,000.00.
        EventEnvelope placed = OrderEventsFixture.envelope(OrderEvents.PLACED, order,
                OrderEventsFixture.placed(order, "ent-life-big", "COMPUTE", "OTHER", 1_000_000L, CONTRACT_DATE, "NONE"));
        OrderEventsFixture.send(placed);
        OrderEventsFixture.send(placed);
        awaitStatus(order, "HELD");
        EventEnvelope delivered = OrderEventsFixture.envelope(OrderEvents.DELIVERED, order,
                new OrderEvents.Delivered(order, "off-1", 1000, 1000, 1_000_000L, "INV-2"));
        OrderEventsFixture.send(delivered);
        OrderEventsFixture.send(delivered);
        awaitStatus(order, "REDEEMED");
        // The ledger shows exactly one hold and one redemption of 2,000.00 for the order.
        Api.as("admin1").get("/api/holds/" + order).then().body("suanliRedeemed", equalTo("2000.00"));
        Api.as("finance1").get("/api/ledger?orderId=" + order).then().statusCode(200)
                .body("kind", contains("HOLD", "REDEEM")).body("amount", contains("2000.00", "2000.00"));
    }

    @Test
    void a_cancelled_order_gives_its_whole_hold_back_and_no_longer_counts_as_declared() {
        String order = "ord-" + UUID.randomUUID();
        OrderEventsFixture.send(OrderEventsFixture.envelope(OrderEvents.PLACED, order,
                OrderEventsFixture.placed(order, "ent-life-big", "COMPUTE", "DOMESTIC", 3_000_000L, CONTRACT_DATE, "SEPARATE_APPLICATION")));
        awaitStatus(order, "HELD");
        // 30,000.00 CNY domestic, 智能券 applied for separately: 30% + 30% → 9,000.00 each.
        Api.as("admin1").get("/api/holds/" + order).then()
                .body("suanliHeld", equalTo("9000.00")).body("zhinengHeld", equalTo("9000.00")).body("reasons", empty());
        OrderEventsFixture.send(OrderEventsFixture.envelope(OrderEvents.CANCELLED, order, new OrderEvents.Ended(order, "buyer changed plans")));
        awaitStatus(order, "RELEASED");
        Api.as("finance1").get("/api/ledger?orderId=" + order).then()
                .body("kind", contains("HOLD", "HOLD", "RELEASE", "RELEASE"));
        // A limit keeps the latest movements, still shown oldest first.
        Api.as("finance1").get("/api/ledger?orderId=" + order + "&limit=2").then()
                .body("kind", contains("RELEASE", "RELEASE"));
    }

    @Test
    void a_buyer_cannot_read_another_buyers_hold() {
        String order = "ord-" + UUID.randomUUID();
        OrderEventsFixture.send(OrderEventsFixture.envelope(OrderEvents.PLACED, order,
                OrderEventsFixture.placed(order, "ent-life-big", "COMPUTE", "DOMESTIC", 100_000L, CONTRACT_DATE, "NONE")));
        awaitStatus(order, "HELD");
        Api.as("sme1").get("/api/holds/" + order).then().statusCode(404);
    }

    static void awaitStatus(String order, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                status.equals(Api.as("admin1").get("/api/holds/" + order).then().extract().path("status")));
    }
}
