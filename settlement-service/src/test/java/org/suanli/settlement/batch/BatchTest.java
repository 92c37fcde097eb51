package org.suanli.settlement.batch;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Monthly settlement batches: their life, who may do what, statements. Program year 2031 is this class's. */
@QuarkusTest
@WithTestResource(FakeVoucherService.class)
class BatchTest {

    static final String P1 = "ptn-hz-ascend";   // partner1
    static final String P3 = "ptn-xiaoshan-new"; // partner3

    @Inject
    EntityManager em;

    static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user));
    }

    static String complete(String partner, String completedAt, long buyer, long suanli, long zhineng) {
        String id = "ord-b-" + UUID.randomUUID();
        Events.sendCompleted(Events.completed(id, "ent-xihu-ai", partner, LocalDate.of(2031, 1, 3),
                Instant.parse(completedAt), buyer, suanli, zhineng, "DOMESTIC", "COMPUTE", "余杭区"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> as("finance1").get("/api/ledger/orders/" + id).statusCode() == 200);
        return id;
    }

    static JsonPath batch(String partner, String period) {
        JsonPath list = as("finance1").queryParam("partner", partner).queryParam("period", period).get("/api/batches")
                .then().statusCode(200).body("$", hasSize(1)).extract().jsonPath();
        return as("finance1").get("/api/batches/" + list.getLong("[0].id")).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void a_batch_is_closed_approved_and_paid_in_that_order_and_frozen_once_closed() {
        String o1 = complete(P1, "2031-01-10T02:00:00Z", 70000, 30000, 0);
        String o2 = complete(P1, "2031-01-20T02:00:00Z", 50000, 25000, 25000);
        JsonPath open = batch(P1, "2031-01");
        long id = open.getLong("id");
        String path = "/api/batches/" + id;
        assertEquals("OPEN", open.getString("status"));
        assertEquals(false, open.getBoolean("frozen"));
        assertEquals(2, open.getInt("entryCount"));
        assertEquals(List.of(o1, o2), open.getList("lines.orderId"));
        assertEquals("1200.00", open.getString("buyerPaid"));
        assertEquals("550.00", open.getString("suanli"));
        assertEquals("250.00", open.getString("zhineng"));
        assertEquals("2000.00", open.getString("total"));

        as("finance1").post(path + "/approve").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://suanli.market/problems/batch-state"));
        as("finance1").contentType(ContentType.JSON).body(Map.of("paymentReference", "EARLY-1"))
                .post(path + "/pay").then().statusCode(409).body("detail", containsString("before finance has approved"));
        as("partner1").post(path + "/close").then().statusCode(403).contentType("application/problem+json");

        as("finance1").post(path + "/close").then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("frozen", equalTo(true)).body("total", equalTo("2000.00"))
                .body("closedBy", equalTo("finance1"));

        // an order of January that completes after the close is settled with February, January stays as closed
        String late = complete(P1, "2031-01-25T02:00:00Z", 100, 0, 0);
        JsonPath closed = batch(P1, "2031-01");
        assertEquals(2, closed.getInt("entryCount"));
        assertEquals("2000.00", closed.getString("total"));
        assertEquals(List.of(o1, o2), closed.getList("lines.orderId"));
        assertEquals(List.of(late), batch(P1, "2031-02").getList("lines.orderId"));

        as("finance1").post(path + "/close").then().statusCode(409);
        as("admin1").post(path + "/approve").then().statusCode(403);
        as("finance1").contentType(ContentType.JSON).body(Map.of("paymentReference", "EARLY-2"))
                .post(path + "/pay").then().statusCode(409);

        as("finance1").post(path + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("approvedBy", equalTo("finance1"));
        as("finance1").post(path + "/approve").then().statusCode(409);

        as("admin1").contentType(ContentType.JSON).body(Map.of("paymentReference", "BANK-2031-01-" + id))
                .post(path + "/pay").then().statusCode(403);
        as("finance1").contentType(ContentType.JSON).body("{}").post(path + "/pay").then().statusCode(400)
                .contentType("application/problem+json");
        as("finance1").contentType(ContentType.JSON).body(Map.of("paymentReference", "x"))
                .post(path + "/pay").then().statusCode(400);
        as("finance1").contentType(ContentType.JSON).body(Map.of("paymentReference", "BANK-2031-01-" + id, "extra", 1))
                .post(path + "/pay").then().statusCode(400);
        as("finance1").contentType(ContentType.JSON).body(Map.of("paymentReference", "BANK-2031-01-" + id))
                .post(path + "/pay").then().statusCode(200)
                .body("status", equalTo("PAID")).body("paymentReference", equalTo("BANK-2031-01-" + id))
                .body("paidBy", equalTo("finance1")).body("total", equalTo("2000.00"));
        as("finance1").contentType(ContentType.JSON).body(Map.of("paymentReference", "BANK-AGAIN-" + id))
                .post(path + "/pay").then().statusCode(409);

        JsonPath paid = batch(P1, "2031-01");
        assertEquals("PAID", paid.getString("status"));
        assertEquals("BANK-2031-01-" + id, paid.getString("paymentReference"));

        // the database refuses to change what the close froze, whoever asks
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update settlement_batch set total_fen = total_fen + 1, suanli_fen = suanli_fen + 1 where id = ?1")
                .setParameter(1, id).executeUpdate()));
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update settlement_batch set status = 'OPEN', payment_reference = null, paid_at = null where id = ?1")
                .setParameter(1, id).executeUpdate()));
    }

    @Test
    void a_decision_on_a_stale_reading_is_refused_and_a_retried_payment_is_made_once() {
        complete(P1, "2031-09-10T02:00:00Z", 1000, 500, 0);
        long id = batch(P1, "2031-09").getLong("id");
        String path = "/api/batches/" + id;
        String read = as("finance1").get(path).then().statusCode(200).extract().header("ETag");

        // the write answers the closed batch with its tag: the one a later read gives, usable at once as If-Match
        String closed = as("admin1").header("If-Match", read).post(path + "/close").then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("lines", hasSize(1)).extract().header("ETag");
        as("finance1").get(path).then().statusCode(200).header("ETag", equalTo(closed));
        // a finance officer still looking at the open batch approves it: refused, it stays closed and unapproved
        as("finance1").header("If-Match", read).post(path + "/approve").then().statusCode(412)
                .contentType("application/problem+json").body("type", equalTo("https://suanli.market/problems/precondition-failed"));
        as("finance1").get(path).then().body("status", equalTo("CLOSED")).header("ETag", equalTo(closed));
        assertTrue(!closed.equals(read), "closing changed the batch's tag");
        String approved = as("finance1").header("If-Match", closed).post(path + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED")).extract().header("ETag");
        as("finance1").get(path).then().header("ETag", equalTo(approved));

        String key = UUID.randomUUID().toString();
        String ref = "TRF-" + key.substring(0, 8);
        // paying on the approval's tag goes ahead, and its answer carries the paid batch's tag
        String paid = as("finance1").header("Idempotency-Key", key).header("If-Match", approved).contentType(ContentType.JSON)
                .body(Map.of("paymentReference", ref)).post(path + "/pay").then().statusCode(200)
                .body("status", equalTo("PAID")).extract().header("ETag");
        as("finance1").get(path).then().header("ETag", equalTo(paid));
        assertTrue(!paid.equals(approved), "paying changed the batch's tag");
        // the retry answers the paid batch instead of "already paid"
        as("finance1").header("Idempotency-Key", key).contentType(ContentType.JSON).body(Map.of("paymentReference", ref))
                .post(path + "/pay").then().statusCode(200).body("status", equalTo("PAID")).body("paymentReference", equalTo(ref));
        as("finance1").header("Idempotency-Key", key).contentType(ContentType.JSON).body(Map.of("paymentReference", ref + "-2"))
                .post(path + "/pay").then().statusCode(409)
                .body("type", equalTo("https://suanli.market/problems/idempotency-key-reused"));
        as("finance1").get(path).then().body("paymentReference", equalTo(ref));
    }

    @Test
    void one_payment_reference_pays_one_batch() {
        complete(P3, "2031-03-10T02:00:00Z", 1000, 500, 0);
        complete(P3, "2031-04-10T02:00:00Z", 2000, 600, 0);
        long march = batch(P3, "2031-03").getLong("id");
        long april = batch(P3, "2031-04").getLong("id");
        for (long b : new long[]{march, april}) {
            as("finance1").post("/api/batches/" + b + "/close").then().statusCode(200);
            as("finance1").post("/api/batches/" + b + "/approve").then().statusCode(200);
        }
        String ref = "TRF-" + UUID.randomUUID().toString().substring(0, 8);

        as("finance1").contentType(ContentType.JSON).body(Map.of("paymentReference", ref))
                .post("/api/batches/" + march + "/pay").then().statusCode(200);
        as("finance1").contentType(ContentType.JSON).body(Map.of("paymentReference", ref))
                .post("/api/batches/" + april + "/pay").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://suanli.market/problems/payment-reference-used"));

        JsonPath stillApproved = batch(P3, "2031-04");
        assertEquals("APPROVED", stillApproved.getString("status"));
        assertEquals(null, stillApproved.getString("paymentReference"));
    }

    @Test
    void a_payment_reference_is_one_transfer_whatever_its_case_or_surrounding_spaces() {
        complete(P3, "2031-06-10T02:00:00Z", 1000, 500, 0);
        complete(P3, "2031-07-10T02:00:00Z", 2000, 600, 0);
        long june = batch(P3, "2031-06").getLong("id");
        long july = batch(P3, "2031-07").getLong("id");
        for (long b : new long[]{june, july}) {
            as("finance1").post("/api/batches/" + b + "/close").then().statusCode(200);
            as("finance1").post("/api/batches/" + b + "/approve").then().statusCode(200);
        }
        String ref = "PAY-BB-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

        as("finance1").contentType(ContentType.JSON).body(Map.of("paymentReference", ref))
                .post("/api/batches/" + june + "/pay").then().statusCode(200);
        as("finance1").contentType(ContentType.JSON).body(Map.of("paymentReference", ref.toLowerCase()))
                .post("/api/batches/" + july + "/pay").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://suanli.market/problems/payment-reference-used"))
                .body("detail", containsString("settlement batch " + june));
        // the database says the same, whoever writes the row
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update settlement_batch set status = 'PAID', paid_at = now(), payment_reference = ?1 where id = ?2")
                .setParameter(1, "  " + ref.toLowerCase() + " ").setParameter(2, july).executeUpdate()));

        JsonPath stillApproved = batch(P3, "2031-07");
        assertEquals("APPROVED", stillApproved.getString("status"));
        assertEquals(null, stillApproved.getString("paymentReference"));
        assertEquals(ref, batch(P3, "2031-06").getString("paymentReference"), "stored as typed");

        as("finance1").contentType(ContentType.JSON).body(Map.of("paymentReference", ref + "-2"))
                .post("/api/batches/" + july + "/pay").then().statusCode(200).body("status", equalTo("PAID"));
    }

    @Test
    void a_partner_sees_only_its_own_statements_finance_and_admin_see_all() {
        String o = complete(P1, "2031-05-10T02:00:00Z", 86415, 37035, 0);
        complete(P3, "2031-05-11T02:00:00Z", 100, 0, 0);
        long mine = batch(P1, "2031-05").getLong("id");
        long theirs = batch(P3, "2031-05").getLong("id");

        as("partner1").queryParam("period", "2031-05").get("/api/batches").then().statusCode(200)
                .body("$", hasSize(1)).body("partnerId", everyItem(equalTo(P1)));
        // naming another partner is refused, not silently answered with one's own batches
        as("partner1").queryParam("partner", P3).get("/api/batches").then().statusCode(403)
                .contentType("application/problem+json");
        as("partner1").queryParam("partner", P1).queryParam("period", "2031-05").get("/api/batches").then()
                .statusCode(200).body("$", hasSize(1));
        as("finance1").queryParam("period", "2031-05").get("/api/batches").then().statusCode(200).body("$", hasSize(2));
        as("admin1").queryParam("period", "2031-05").get("/api/batches").then().statusCode(200).body("$", hasSize(2));
        as("partner1").get("/api/batches/" + mine).then().statusCode(200).body("lines[0].orderId", equalTo(o));
        as("partner1").get("/api/batches/" + theirs).then().statusCode(404).contentType("application/problem+json");
        as("partner1").get("/api/batches/" + theirs + "/statement.csv").then().statusCode(404);
        as("sme1").get("/api/batches").then().statusCode(403).contentType("application/problem+json");
        given().get("/api/batches").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + Tokens.forged("finance", "x")).get("/api/batches").then().statusCode(401);
        given().header("Authorization", "Bearer " + Tokens.forged("partner", P1)).get("/api/batches/" + mine).then().statusCode(401);

        String csv = as("partner1").get("/api/batches/" + mine + "/statement.csv").then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("settlement-batch-" + mine + ".csv"))
                .extract().asString();
        assertTrue(csv.startsWith("\uFEFF"), "a byte-order mark first");
        String[] rows = csv.substring(1).split("\r\n");
        assertEquals(3, rows.length, csv);
        assertTrue(rows[0].startsWith("batch_id,partner_id,period,status,entry_id,kind,order_id,"), rows[0]);
        assertTrue(rows[1].startsWith(mine + "," + P1 + ",2031-05,OPEN,"), rows[1]);
        assertTrue(rows[1].contains(",ORDER_COMPLETED," + o + ","), rows[1]);
        assertTrue(rows[1].contains(",1234.50,864.15,370.35,0.00,1234.50,"), rows[1]);
        assertEquals(mine + "," + P1 + ",2031-05,OPEN,,TOTAL,,,,,,,,,,,864.15,370.35,0.00,1234.50,1 entries", rows[2]);
    }

    @Test
    void bad_input_is_a_problem_and_changes_nothing() {
        as("finance1").get("/api/batches/999999999").then().statusCode(404).contentType("application/problem+json");
        as("finance1").post("/api/batches/999999999/close").then().statusCode(404).contentType("application/problem+json");
        as("finance1").post("/api/batches/999999999/approve").then().statusCode(404);
        as("finance1").contentType(ContentType.JSON).body(Map.of("paymentReference", "REF-404"))
                .post("/api/batches/999999999/pay").then().statusCode(404);
        as("finance1").get("/api/batches/abc").then().statusCode(400).contentType("application/problem+json");
        as("finance1").queryParam("period", "2026-13").get("/api/batches").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("2026-13"));
        as("finance1").queryParam("period", "2026-1").get("/api/batches").then().statusCode(400);
        as("finance1").queryParam("status", "DONE").get("/api/batches").then().statusCode(400);
        as("finance1").contentType(ContentType.JSON).body("not json").post("/api/batches/1/pay").then().statusCode(400);
    }
}
