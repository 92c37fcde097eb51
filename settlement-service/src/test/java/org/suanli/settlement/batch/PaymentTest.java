package org.suanli.settlement.batch;

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
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Paying a batch posts the payment: the partner's payable is cleared against the treasury, by source, with the
 * transfer's reference; statements, the trial balance and the dashboard show paid and open. Program year 2041 and a
 * partner of this run alone (2036 for the unpaid one), so the whole-ledger figures can be read as differences.
 */
@QuarkusTest
@WithTestResource(FakeVoucherService.class)
class PaymentTest {

    static final String RUN = Long.toString(System.nanoTime(), 36);
    static final String PARTNER = "ptn-pay-" + RUN;

    static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user));
    }

    static String complete(String completedAt, long buyer, long suanli, long zhineng) {
        String id = "ord-pay-" + UUID.randomUUID();
        Events.sendCompleted(Events.completed(id, "ent-xihu-ai", PARTNER, LocalDate.of(2041, 2, 3),
                Instant.parse(completedAt), buyer, suanli, zhineng, "DOMESTIC", "COMPUTE", "余杭区"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> as("finance1").get("/api/ledger/orders/" + id).statusCode() == 200);
        return id;
    }

    static JsonPath account(String account) {
        JsonPath tb = as("finance1").queryParam("account", account).get("/api/ledger/trial-balance")
                .then().statusCode(200).body("balanced", equalTo(true)).extract().jsonPath();
        return tb;
    }

    static long fen(String yuan) {
        return org.suanli.kernel.money.Money.parseYuan(yuan);
    }

    @Test
    void paying_a_batch_clears_the_partners_payable_against_the_treasury_with_the_reference() {
        // 700.00 + 300.00 (算力券) and 500.00 + 250.00 + 250.00 (智能券): the partner is owed 2,000.00
        String o1 = complete("2041-02-10T02:00:00Z", 70000, 30000, 0);
        String o2 = complete("2041-02-20T02:00:00Z", 50000, 25000, 25000);
        long batchId = as("finance1").queryParam("partner", PARTNER).queryParam("period", "2041-02").get("/api/batches")
                .then().statusCode(200).extract().jsonPath().getLong("[0].id");
        String path = "/api/batches/" + batchId;
        String ref = "CN-TREASURY-" + RUN;

        JsonPath before = account("partner:" + PARTNER);
        assertEquals("-2000.00", before.getString("accounts[0].balance"), "the partner is owed 2,000.00");
        long paidBefore = fen(account("bank:").getString("paid"));
        as("finance1").get(path).then().statusCode(200).body("paid", equalTo("0.00")).body("open", equalTo("2000.00"));

        as("finance1").post(path + "/close").then().statusCode(200);
        as("finance1").post(path + "/approve").then().statusCode(200);

        // more than owed, less than owed, the wrong role: refused, nothing changes
        as("finance1").contentType(ContentType.JSON).body(Map.of("paymentReference", ref, "amount", "2000.01"))
                .post(path + "/pay").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://suanli.market/problems/payment-exceeds-owed"))
                .body("detail", containsString("2000.01 is more than the 2000.00"));
        as("finance1").contentType(ContentType.JSON).body(Map.of("paymentReference", ref, "amount", "1999.99"))
                .post(path + "/pay").then().statusCode(422)
                .body("type", equalTo("https://suanli.market/problems/payment-short"));
        as("finance1").contentType(ContentType.JSON).body(Map.of("paymentReference", ref, "amount", "-5"))
                .post(path + "/pay").then().statusCode(400);
        as("partner1").contentType(ContentType.JSON).body(Map.of("paymentReference", ref)).post(path + "/pay")
                .then().statusCode(403);
        as("finance1").get(path).then().body("status", equalTo("APPROVED")).body("payment", equalTo(List.of()));
        assertEquals(paidBefore, fen(account("bank:").getString("paid")), "no payment was posted");

        JsonPath paid = as("finance1").contentType(ContentType.JSON).body(Map.of("paymentReference", ref, "amount", "2000.00"))
                .post(path + "/pay").then().statusCode(200).body("status", equalTo("PAID"))
                .body("paid", equalTo("2000.00")).body("open", equalTo("0.00")).extract().jsonPath();
        assertEquals(ref, paid.getString("paymentReference"));

        // the payment's lines: each source's pair, the partner debited, the treasury credited
        as("partner1").get(path).then().statusCode(404); // not partner1's batch
        JsonPath b = as("finance1").get(path).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("partner:" + PARTNER, "bank:treasury", "partner:" + PARTNER, "bank:treasury",
                "partner:" + PARTNER, "bank:treasury"), b.getList("payment.account"));
        assertEquals(List.of("D", "C", "D", "C", "D", "C"), b.getList("payment.side"));
        assertEquals(List.of("1200.00", "1200.00", "550.00", "550.00", "250.00", "250.00"), b.getList("payment.amount"));
        assertTrue(b.getString("payment[2].memo").contains("算力券 2041") && b.getString("payment[2].memo").contains(ref),
                b.getString("payment[2].memo"));
        assertEquals(List.of(o1, o2), b.getList("lines.orderId"));

        // the trial balance: the partner owes and is owed nothing more, the treasury paid 2,000.00 more
        JsonPath after = account("partner:" + PARTNER);
        assertEquals("2000.00", after.getString("accounts[0].debits"));
        assertEquals("2000.00", after.getString("accounts[0].credits"));
        assertEquals("0.00", after.getString("accounts[0].balance"));
        assertEquals(paidBefore + 200000, fen(after.getString("paid")));

        // the statement says so
        String csv = as("finance1").get(path + "/statement.csv").then().statusCode(200).extract().asString();
        String[] rows = csv.split("\n");
        assertEquals(5, rows.length, csv);
        assertTrue(rows[4].startsWith(batchId + "," + PARTNER + ",2041-02,PAID,,PAID,"), rows[4]);
        assertTrue(rows[4].contains("," + ref + ",,,,,2000.00,paid "), rows[4]);

        // the dashboard: owed against paid, per partner and per program
        JsonPath d = as("finance1").queryParam("year", "2041").get("/api/dashboard-data").then().statusCode(200)
                .extract().jsonPath();
        Map<String, String> mine = d.getMap("payments.byPartner.find { it.key == '" + PARTNER + "' }");
        assertEquals(Map.of("key", PARTNER, "owed", "2000.00", "paid", "2000.00", "open", "0.00"), mine);
        assertEquals(Map.of("key", "SUANLI", "owed", "550.00", "paid", "550.00", "open", "0.00"),
                d.getMap("payments.byProgram.find { it.key == 'SUANLI' }"));
        assertEquals(Map.of("key", "ZHINENG", "owed", "250.00", "paid", "250.00", "open", "0.00"),
                d.getMap("payments.byProgram.find { it.key == 'ZHINENG' }"));
    }

    @Test
    void an_unpaid_batch_is_open_on_the_dashboard() {
        String partner = PARTNER + "-open";
        String id = "ord-pay-open-" + RUN;
        Events.sendCompleted(Events.completed(id, "ent-xihu-ai", partner, LocalDate.of(2036, 5, 3),
                Instant.parse("2036-05-10T02:00:00Z"), 12345, 6789, 0, "DOMESTIC", "COMPUTE", "余杭区"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> as("finance1").get("/api/ledger/orders/" + id).statusCode() == 200);
        JsonPath d = as("finance1").queryParam("year", "2036").get("/api/dashboard-data").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(Map.of("key", partner, "owed", "191.34", "paid", "0.00", "open", "191.34"),
                d.getMap("payments.byPartner.find { it.key == '" + partner + "' }"));
    }
}
