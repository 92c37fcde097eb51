package org.suanli.settlement.reconciliation;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.suanli.settlement.support.Events;
import org.suanli.settlement.support.FakeVoucherService;
import org.suanli.testing.Tokens;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reconciliation that closes: the matched orders are listed (paged, and in the CSV); finance acknowledges a
 * difference by the correction that explains it, and the period reads "clean, with 1 acknowledged difference".
 * Program year 2035 is this class's.
 */
@QuarkusTest
@WithTestResource(FakeVoucherService.class)
class AcknowledgementTest {

    static final String RUN = Long.toString(System.nanoTime(), 36);

    static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user));
    }

    static void complete(String id, long buyer, long suanli, long zhineng) {
        Events.sendCompleted(Events.completed(id, "ent-xihu-ai", "ptn-hz-ascend", LocalDate.of(2035, 6, 1),
                Instant.parse("2035-06-10T02:00:00Z"), buyer, suanli, zhineng, "DOMESTIC", "COMPUTE", "余杭区"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> as("finance1").get("/api/ledger/orders/" + id).statusCode() == 200);
    }

    @Test
    void a_difference_explained_by_a_correction_is_acknowledged_and_the_period_closes() {
        String a = "ord-ack-a-" + RUN, b = "ord-ack-b-" + RUN, c = "ord-ack-c-" + RUN;
        complete(a, 70000, 30000, 0);     // 1,000.00 with 300.00 算力券
        complete(b, 8000, 2000, 0);
        complete(c, 9000, 1000, 0);
        FakeVoucherService.REDEMPTIONS.put("2035", FakeVoucherService.array(List.of(
                FakeVoucherService.redemption(a, 2035, "300.00", "0.00"),
                FakeVoucherService.redemption(b, 2035, "20.00", "0.00"),
                FakeVoucherService.redemption(c, 2035, "10.00", "0.00"))));
        as("finance1").queryParam("period", "2035").get("/api/reconciliation").then().statusCode(200)
                .body("status", equalTo("clean")).body("matched", equalTo(3));

        // finance corrects order a: only 200.00 of 算力券 was due, the buyer pays 100.00 more
        long correction = as("finance1").contentType(ContentType.JSON)
                .body(Map.of("buyerPays", "800.00", "suanli", "200.00", "zhineng", "0.00", "reason", "rate was 20 %"))
                .post("/api/ledger/orders/" + a + "/corrections").then().statusCode(201).extract().jsonPath().getLong("id");
        long completion = as("finance1").get("/api/ledger/orders/" + a).then().extract().jsonPath().getLong("entries[0].id");
        long otherOrders = as("finance1").get("/api/ledger/orders/" + b).then().extract().jsonPath().getLong("entries[0].id");

        JsonPath open = as("finance1").queryParam("period", "2035").get("/api/reconciliation").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(false, open.getBoolean("clean"));
        assertEquals("1 difference to explain", open.getString("status"));
        assertEquals(-10000, open.getLong("mismatches[0].suanliDifferenceFen"));
        assertEquals(null, (Object) open.get("mismatches[0].acknowledgement"));

        // refused, nothing recorded: the wrong role, the completion itself, another order's entry, an order that matches
        String path = "/api/reconciliation/acknowledgements";
        as("admin1").contentType(ContentType.JSON).body(ack(a, correction, "rate was 20 %")).post(path).then().statusCode(403);
        as("finance1").contentType(ContentType.JSON).body(ack(a, completion, "x")).post(path).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://suanli.market/problems/acknowledgement-entry-not-a-correction"));
        as("finance1").contentType(ContentType.JSON).body(ack(a, otherOrders, "x")).post(path).then().statusCode(422)
                .body("type", equalTo("https://suanli.market/problems/acknowledgement-entry-unknown"));
        as("finance1").contentType(ContentType.JSON).body(Map.of("orderId", a, "explainedByEntryId", correction))
                .post(path).then().statusCode(400);
        as("finance1").queryParam("year", "2035").get(path).then().statusCode(200).body("$", equalTo(List.of()));

        JsonPath made = as("finance1").contentType(ContentType.JSON).body(ack(a, correction, "rate was 20 %, voucher to follow"))
                .post(path).then().statusCode(201).extract().jsonPath();
        assertEquals(correction, made.getLong("explainedByEntryId"));
        assertEquals("CORRECTION", made.getString("explainedByKind"));
        assertEquals(-10000, made.getLong("suanliDifferenceFen"));
        assertEquals("finance1", made.getString("acknowledgedBy"));
        as("finance1").contentType(ContentType.JSON).body(ack(a, correction, "again")).post(path).then().statusCode(409)
                .body("type", equalTo("https://suanli.market/problems/already-acknowledged"));

        JsonPath closed = as("finance1").queryParam("period", "2035").get("/api/reconciliation").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(true, closed.getBoolean("clean"));
        assertEquals("clean, with 1 acknowledged difference", closed.getString("status"));
        assertEquals(1, closed.getInt("acknowledgedDifferences"));
        assertEquals(correction, closed.getLong("mismatches[0].acknowledgement.explainedByEntryId"));
        assertEquals("rate was 20 %, voucher to follow", closed.getString("mismatches[0].acknowledgement.reason"));

        // the matched orders, a page at a time
        JsonPath page0 = as("finance1").queryParam("period", "2035").queryParam("size", "1").get("/api/reconciliation")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(2, page0.getInt("matchedOrders.total"));
        assertEquals(List.of(b), page0.getList("matchedOrders.items.orderId"));
        assertEquals("20.00", page0.getString("matchedOrders.items[0].suanli"));
        as("finance1").queryParam("period", "2035").queryParam("size", "1").queryParam("page", "1").get("/api/reconciliation")
                .then().statusCode(200).body("matchedOrders.items.orderId", equalTo(List.of(c)));
        as("finance1").queryParam("period", "2035").queryParam("size", "0").get("/api/reconciliation").then().statusCode(400);

        // the CSV says the same
        String csv = as("finance1").queryParam("period", "2035").get("/api/reconciliation/csv").then().statusCode(200)
                .extract().asString();
        // RFC 4180 line ends (CRLF), as the export writes them for Excel
        assertTrue(csv.contains("\r\nMISMATCH_ACKNOWLEDGED," + a + ",200.00,300.00,-10000,0.00,0.00,0\r\n"), csv);
        assertTrue(csv.contains("\r\nMATCHED_ORDER," + b + ",20.00,20.00,0,0.00,0.00,0\r\n"), csv);
        assertTrue(csv.contains("\r\nMATCHED_ORDER," + c + ",10.00,10.00,0,0.00,0.00,0\r\n"), csv);
        assertTrue(csv.endsWith("\r\nSTATUS,\"clean, with 1 acknowledged difference\",,,,,,\r\n"), csv);

        // and the dashboard
        as("finance1").queryParam("year", "2035").get("/api/dashboard-data").then().statusCode(200)
                .body("reconciliation.status", equalTo("clean, with 1 acknowledged difference"))
                .body("reconciliation.acknowledged", equalTo(1)).body("reconciliation.matched", equalTo(2));

        // a difference that changes is no longer covered: voucher-service now says 250.00
        FakeVoucherService.REDEMPTIONS.put("2035", FakeVoucherService.array(List.of(
                FakeVoucherService.redemption(a, 2035, "250.00", "0.00"),
                FakeVoucherService.redemption(b, 2035, "20.00", "0.00"),
                FakeVoucherService.redemption(c, 2035, "10.00", "0.00"))));
        as("finance1").queryParam("period", "2035").get("/api/reconciliation").then().statusCode(200)
                .body("clean", equalTo(false)).body("status", containsString("1 difference to explain"));
        FakeVoucherService.REDEMPTIONS.put("2035", FakeVoucherService.array(List.of(
                FakeVoucherService.redemption(a, 2035, "200.00", "0.00"),
                FakeVoucherService.redemption(b, 2035, "20.00", "0.00"),
                FakeVoucherService.redemption(c, 2035, "10.00", "0.00"))));
        as("finance1").contentType(ContentType.JSON).body(ack(a, correction, "matches now")).post(path).then().statusCode(422)
                .body("type", equalTo("https://suanli.market/problems/nothing-to-acknowledge"));
    }

    static Map<String, Object> ack(String orderId, long entryId, String reason) {
        return Map.of("orderId", orderId, "explainedByEntryId", entryId, "reason", reason);
    }
}
