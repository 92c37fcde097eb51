package org.suanli.settlement.ledger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.suanli.kernel.events.Topics;
import org.suanli.settlement.batch.Periods;
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
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A subsidy clawed back (追回) by voucher-service becomes a CLAWBACK entry: the partner owes it back, netted in its
 * open batch; once, whatever is replayed; never more than the ledger holds; reconciliation stays at 0 fen.
 * Program years 2037-2039 and partners of this run alone.
 */
@QuarkusTest
@WithTestResource(FakeVoucherService.class)
class ClawbackTest {

    static final String RUN = Long.toString(System.nanoTime(), 36);
    static final String BUYER = "ent-qiantang-bio";

    @Inject
    EntityManager em;

    static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user));
    }

    static void complete(String id, String partner, Instant completedAt, long buyer, long suanli, long zhineng) {
        complete(id, partner, 2037, completedAt, buyer, suanli, zhineng);
    }

    static void complete(String id, String partner, int year, Instant completedAt, long buyer, long suanli, long zhineng) {
        Events.sendCompleted(Events.completed(id, BUYER, partner, LocalDate.of(year, 3, 1), completedAt, buyer, suanli,
                zhineng, "DOMESTIC", "COMPUTE", "余杭区"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> as("finance1").get("/api/ledger/orders/" + id).statusCode() == 200);
    }

    static JsonPath ledger(String orderId) {
        return as("finance1").get("/api/ledger/orders/" + orderId).then().statusCode(200).extract().jsonPath();
    }

    static long batchId(String partner, String period) {
        return as("finance1").queryParam("partner", partner).queryParam("period", period).get("/api/batches")
                .then().statusCode(200).extract().jsonPath().getLong("[0].id");
    }

    static void pay(long id, String ref) {
        as("finance1").post("/api/batches/" + id + "/close").then().statusCode(200);
        as("finance1").post("/api/batches/" + id + "/approve").then().statusCode(200);
        as("finance1").contentType(ContentType.JSON).body(Map.of("paymentReference", ref))
                .post("/api/batches/" + id + "/pay").then().statusCode(200);
    }

    @Test
    void a_clawed_back_subsidy_is_owed_back_by_the_partner_and_netted_in_its_next_batch() {
        String partner = "ptn-claw-" + RUN;
        String order = "ord-claw-" + RUN;
        // contract 1,000.00: buyer 600.00, 算力券 400.00; the March batch is paid in full
        complete(order, partner, Instant.parse("2037-03-10T02:00:00Z"), 60000, 40000, 0);
        pay(batchId(partner, "2037-03"), "CLAW-MARCH-" + RUN);
        String current = Periods.format(Periods.monthOf(Instant.now()));

        // finance claws back 150.00 of the 算力券 (a forged invoice); the event arrives twice
        String json = Events.clawedBack(order, BUYER, partner, 2037, 15000, 0, "invoice found forged",
                "稽查-2037-017");
        Events.sendRaw(Topics.VOUCHERS, order, json);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> ledger(order).getList("entries").size() == 2);

        JsonPath l = ledger(order);
        assertEquals("600.00", l.getString("buyerPays"), "the buyer's part stands");
        assertEquals("250.00", l.getString("suanli"), "400.00 less 150.00 clawed back");
        assertEquals("850.00", l.getString("partnerOwed"));
        assertEquals("CLAWBACK", l.getString("entries[1].kind"));
        assertEquals("-150.00", l.getString("entries[1].suanli"));
        assertEquals("-150.00", l.getString("entries[1].partnerOwed"));
        assertEquals("invoice found forged", l.getString("entries[1].reason"));
        assertEquals("finance1", l.getString("entries[1].postedBy"));
        assertEquals(l.getLong("entries[0].id"), l.getLong("entries[1].correctsEntryId"));
        assertEquals(List.of("partner:" + partner, "program:SUANLI:2037"), l.getList("entries[1].postings.account"));
        assertEquals(List.of("D", "C"), l.getList("entries[1].postings.side"));
        assertEquals(List.of("150.00", "150.00"), l.getList("entries[1].postings.amount"));

        // the partner was paid 1,000.00 and is now owed 850.00: it owes 150.00 back
        JsonPath tb = as("finance1").queryParam("account", "partner:" + partner).get("/api/ledger/trial-balance")
                .then().statusCode(200).body("balanced", equalTo(true)).extract().jsonPath();
        assertEquals("150.00", tb.getString("accounts[0].balance"));
        long clawBatch = batchId(partner, current);
        as("finance1").get("/api/batches/" + clawBatch).then().statusCode(200)
                .body("total", equalTo("-150.00")).body("owedBack", equalTo("150.00")).body("open", equalTo("0.00"));

        // a clawback of more than the ledger still holds (300.00 of 250.00) is not posted: it is parked
        Events.clawedBack(order, BUYER, partner, 2037, 30000, 0, "again", "稽查-2037-018");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> parked(order) == 1);
        assertEquals(2, ledger(order).getList("entries").size());
        assertEquals("250.00", ledger(order).getString("suanli"));

        // the next order of this month lands in the same batch, and the clawback is netted: 200.00 - 150.00 = 50.00
        String next = "ord-claw-next-" + RUN;
        complete(next, partner, Instant.now(), 10000, 10000, 0);
        as("finance1").get("/api/batches/" + clawBatch).then().statusCode(200)
                .body("total", equalTo("50.00")).body("owedBack", equalTo("0.00")).body("open", equalTo("50.00"));
        pay(clawBatch, "CLAW-NET-" + RUN);
        as("finance1").queryParam("account", "partner:" + partner).get("/api/ledger/trial-balance")
                .then().statusCode(200).body("accounts[0].balance", equalTo("0.00"));

        // voucher-service's redemptions, net of the clawback, reconcile to the fen
        FakeVoucherService.REDEMPTIONS.put("2037", FakeVoucherService.array(List.of(
                FakeVoucherService.redemption(order, 2037, "250.00", "0.00"),
                FakeVoucherService.redemption(next, 2037, "100.00", "0.00"))));
        as("finance1").queryParam("period", "2037").get("/api/reconciliation").then().statusCode(200)
                .body("clean", equalTo(true)).body("status", equalTo("clean")).body("matched", equalTo(2))
                .body("totals.suanliDifferenceFen", equalTo(0));
    }

    @Test
    void a_batch_owing_money_back_cannot_be_paid() {
        String partner = "ptn-claw-back-" + RUN;
        String order = "ord-claw-back-" + RUN;
        complete(order, partner, 2038, Instant.parse("2038-04-10T02:00:00Z"), 10000, 20000, 5000);
        Events.clawedBack(order, BUYER, partner, 2038, 20000, 5000, "undeclared related party", "稽查-2037-020");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> ledger(order).getList("entries").size() == 2);
        long id = batchId(partner, Periods.format(Periods.monthOf(Instant.now())));
        as("finance1").post("/api/batches/" + id + "/close").then().statusCode(200).body("total", equalTo("-250.00"));
        as("finance1").post("/api/batches/" + id + "/approve").then().statusCode(200);
        as("finance1").contentType(ContentType.JSON).body(Map.of("paymentReference", "CLAW-NO-" + RUN))
                .post("/api/batches/" + id + "/pay").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://suanli.market/problems/batch-owed-back"));
        as("finance1").get("/api/batches/" + id).then().body("status", equalTo("APPROVED"))
                .body("owedBack", equalTo("250.00"));
    }

    @Test
    void a_clawback_that_arrives_before_its_order_is_posted_with_the_completion() {
        String partner = "ptn-claw-early-" + RUN;
        String order = "ord-claw-early-" + RUN;
        Events.clawedBack(order, BUYER, partner, 2039, 5000, 0, "invoice found forged", "稽查-2039-021");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> pending(order) == 1);
        complete(order, partner, 2039, Instant.parse("2039-05-10T02:00:00Z"), 10000, 20000, 0);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> ledger(order).getList("entries").size() == 2);
        assertEquals("150.00", ledger(order).getString("suanli"));
        assertEquals(0, pending(order));
    }

    /** Records of this order parked by settlement's voucher consumer on its dead-letter topic. */
    private static long parked(String orderId) {
        return org.suanli.testing.KafkaProbe.readUntil(Events.topic("settlement-service." + Topics.VOUCHERS + ".dlq"),
                Duration.ofSeconds(3), r -> false).stream().filter(r -> orderId.equals(r.key())).count();
    }

    private long pending(String orderId) {
        return ((Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select count(*) from clawback where order_id = ?1 and entry_id is null")
                .setParameter(1, orderId).getSingleResult())).longValue();
    }
}
