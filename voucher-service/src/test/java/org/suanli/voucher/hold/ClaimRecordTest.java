package org.suanli.voucher.hold;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.suanli.kernel.events.contract.OrderEvents;
import org.suanli.voucher.Api;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** An order's claim record (its part of the dossier) goes to its buyer, its partner and officials, and to no one else. */
@QuarkusTest
class ClaimRecordTest {

    @Test
    void the_buyer_the_partner_and_officials_read_the_same_record_others_get_not_found() {
        Api.registerBuyer("ent-xihu-ai", "91330106MA2B0XH001", "ENTERPRISE", true, false, null);
        String order = "ord-claim-" + UUID.randomUUID();
        // 10,000.00 of domestic compute for an SME, partner ptn-hz-ascend (partner1): 50 % → 5,000.00 held,
        // then 8,000.00 delivered: 4,000.00 redeemed and 1,000.00 back to the budget
        OrderEventsFixture.send(OrderEventsFixture.envelope(OrderEvents.PLACED, order, OrderEventsFixture.placed(order,
                "ent-xihu-ai", "COMPUTE", "DOMESTIC", 1_000_000L, LocalDate.of(2026, 11, 20), "NONE")));
        await().atMost(Duration.ofSeconds(60)).until(() -> Api.as("admin1").get("/api/holds/" + order).statusCode() == 200);
        OrderEventsFixture.send(OrderEventsFixture.envelope(OrderEvents.DELIVERED, order,
                new OrderEvents.Delivered(order, "off-1", 1000, 800, 800_000L, "INV-CLAIM-1")));
        await().atMost(Duration.ofSeconds(60)).until(() -> "REDEEMED".equals(
                Api.as("admin1").get("/api/holds/" + order).then().extract().path("status")));

        String path = "/api/claim-records/" + order;
        JsonPath buyer = Api.as("sme1").get(path).then().statusCode(200).extract().jsonPath();
        assertEquals("91330106MA2B0XH001", buyer.getString("buyer.creditCode"));
        assertEquals("ptn-hz-ascend", buyer.getString("partnerId"));
        assertEquals("4000.00", buyer.getString("hold.suanliRedeemed"));
        assertEquals(List.of("HOLD", "REDEEM", "RELEASE"), buyer.getList("movements.kind"));
        assertEquals(List.of("5000.00", "4000.00", "1000.00"), buyer.getList("movements.amount"));

        String asBuyer = Api.as("sme1").get(path).then().extract().asString();
        assertEquals(asBuyer, Api.as("partner1").get(path).then().statusCode(200).extract().asString(),
                "the partner reads exactly what the buyer reads");
        assertEquals(asBuyer, Api.as("finance1").get(path).then().statusCode(200).extract().asString());
        Api.as("admin1").get(path).then().statusCode(200).body("buyer.id", equalTo("ent-xihu-ai"));

        Api.as("sme2").get(path).then().statusCode(404).contentType("application/problem+json");
        Api.as("partner2").get(path).then().statusCode(404);
        Api.as("sme1").get("/api/claim-records/ord-claim-unknown").then().statusCode(404);
        io.restassured.RestAssured.given().get(path).then().statusCode(401);
    }
}
