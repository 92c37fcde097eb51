package org.suanli.settlement.ledger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.suanli.kernel.events.Topics;
import org.suanli.kernel.events.contract.OrderEvents;
import org.suanli.settlement.support.Events;
import org.suanli.settlement.support.FakeVoucherService;
import org.suanli.testing.KafkaProbe;
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
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Completed orders become balanced, immutable double entries, once each. Program year 2030 is this class's. */
@QuarkusTest
@WithTestResource(FakeVoucherService.class)
class LedgerTest {

    static final String PARTNER = "ptn-hz-ascend"; // partner1's
    static final LocalDate CONTRACT = LocalDate.of(2030, 3, 2);
    static final Instant COMPLETED = Instant.parse("2030-03-05T06:00:00Z");

    @Inject
    EntityManager em;

    static String order() {
        return "ord-l-" + UUID.randomUUID();
    }

    static JsonPath awaitOrder(String orderId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().header("Authorization", Tokens.bearer("finance1")).get("/api/ledger/orders/" + orderId).statusCode() == 200);
        return given().header("Authorization", Tokens.bearer("finance1")).get("/api/ledger/orders/" + orderId)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void a_completed_order_becomes_balanced_postings_buyer_and_programs_to_partner() {
        String id = order();
        Events.sendCompleted(Events.completed(id, "ent-xihu-ai", PARTNER, CONTRACT, COMPLETED, 86415, 37035, 12345,
                "DOMESTIC", "COMPUTE", "西湖区"));

        JsonPath order = awaitOrder(id);

        assertEquals("864.15", order.getString("buyerPays"));
        assertEquals("370.35", order.getString("suanli"));
        assertEquals("123.45", order.getString("zhineng"));
        assertEquals("1357.95", order.getString("partnerOwed"));
        assertEquals(1, order.getList("entries").size());
        assertEquals("ORDER_COMPLETED", order.getString("entries[0].kind"));
        assertEquals(true, order.getBoolean("entries[0].balanced"));
        List<Map<String, Object>> lines = order.getList("entries[0].postings");
        assertEquals(List.of("buyer:ent-xihu-ai", "partner:ptn-hz-ascend", "program:SUANLI:2030", "partner:ptn-hz-ascend",
                "program:ZHINENG:2030", "partner:ptn-hz-ascend"), lines.stream().map(l -> l.get("account")).toList());
        assertEquals(List.of("D", "C", "D", "C", "D", "C"), lines.stream().map(l -> l.get("side")).toList());
        assertEquals(List.of("864.15", "864.15", "370.35", "370.35", "123.45", "123.45"),
                lines.stream().map(l -> l.get("amount")).toList());

        given().header("Authorization", Tokens.bearer("finance1")).get("/api/ledger/trial-balance")
                .then().statusCode(200).body("balanced", equalTo(true));
        // One account's lines alone never net to zero; "balanced" still speaks of the whole ledger.
        given().header("Authorization", Tokens.bearer("finance1")).get("/api/ledger/trial-balance?account=partner:")
                .then().statusCode(200).body("balanced", equalTo(true))
                .body("accounts.account", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.startsWith("partner:")));
    }

    @Test
    void the_same_event_twice_and_a_second_completion_of_the_same_order_change_nothing() {
        String id = order();
        OrderEvents.Completed first = Events.completed(id, "ent-qiantang-bio", PARTNER, CONTRACT, COMPLETED, 70000, 30000, 0,
                "DOMESTIC", "COMPUTE", "钱塘区");
        String json = Events.sendCompleted(first);
        KafkaProbe.send(Events.topic(Topics.ORDERS), id, json); // redelivery of the same event
        // a second OrderCompleted for the order (a replay with a new event id) and other amounts
        Events.sendCompleted(Events.completed(id, "ent-qiantang-bio", PARTNER, CONTRACT, COMPLETED, 1, 2, 3,
                "DOMESTIC", "COMPUTE", "钱塘区"));

        // same key, same partition: once the third event is in the inbox, all three were handled
        await().atMost(Duration.ofSeconds(60)).until(() -> inboxCount(id) == 2);

        JsonPath order = awaitOrder(id);
        assertEquals(1, order.getList("entries").size());
        assertEquals("300.00", order.getString("suanli"));
        assertEquals("1000.00", order.getString("partnerOwed"));
        assertEquals(1L, ((Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select count(*) from journal_entry where order_id = ?1").setParameter(1, id).getSingleResult())).longValue());
    }

    @Test
    void entries_and_postings_cannot_be_changed_or_deleted_and_an_unbalanced_entry_cannot_commit() {
        String id = order();
        Events.sendCompleted(Events.completed(id, "ent-xihu-ai", PARTNER, CONTRACT, COMPLETED, 5000, 2000, 0,
                "DOMESTIC", "COMPUTE", "西湖区"));
        awaitOrder(id);

        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update journal_entry set suanli_fen = 0 where order_id = ?1").setParameter(1, id).executeUpdate()));
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from posting where entry_id in (select id from journal_entry where order_id = ?1)")
                .setParameter(1, id).executeUpdate()));
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update posting set amount_fen = amount_fen + 1 where entry_id in (select id from journal_entry where order_id = ?1)")
                .setParameter(1, id).executeUpdate()));
        // one more line on an existing entry: debits would no longer equal credits
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "insert into posting (entry_id, line, account, side, amount_fen) "
                        + "select id, 99, 'buyer:x', 'D', 1 from journal_entry where order_id = ?1")
                .setParameter(1, id).executeUpdate()));

        JsonPath order = awaitOrder(id);
        assertEquals("20.00", order.getString("suanli"));
        assertEquals(4, order.getList("entries[0].postings").size());
    }

    @Test
    void a_correction_is_a_new_balanced_entry_naming_the_entry_it_corrects() {
        String id = order();
        Events.sendCompleted(Events.completed(id, "ent-binjiang-robot", PARTNER, CONTRACT, COMPLETED, 70000, 30000, 0,
                "DOMESTIC", "COMPUTE", "滨江区"));
        long originalId = awaitOrder(id).getLong("entries[0].id");

        JsonPath correction = given().header("Authorization", Tokens.bearer("finance1")).contentType(ContentType.JSON)
                .body(Map.of("buyerPays", "700.35", "suanli", "299.65", "zhineng", "0.00", "reason", "invoice INV-9 re-rated"))
                .post("/api/ledger/orders/" + id + "/corrections")
                .then().statusCode(201).extract().jsonPath();

        assertEquals("CORRECTION", correction.getString("kind"));
        assertEquals(originalId, correction.getLong("correctsEntryId"));
        assertEquals("0.35", correction.getString("buyerPays"));
        assertEquals("-0.35", correction.getString("suanli"));
        assertEquals(true, correction.getBoolean("balanced"));
        assertEquals("finance1", correction.getString("postedBy"));

        JsonPath order = awaitOrder(id);
        assertEquals(2, order.getList("entries").size());
        assertEquals("700.35", order.getString("buyerPays"));
        assertEquals("299.65", order.getString("suanli"));
        assertEquals("1000.00", order.getString("partnerOwed"));
        assertEquals("300.00", order.getString("entries[0].suanli"), "the original entry is unchanged");
    }

    @Test
    void a_correction_retried_with_the_same_idempotency_key_is_posted_once() {
        String id = order();
        Events.sendCompleted(Events.completed(id, "ent-binjiang-robot", PARTNER, CONTRACT, COMPLETED, 70000, 30000, 0,
                "DOMESTIC", "COMPUTE", "滨江区"));
        awaitOrder(id);
        String key = java.util.UUID.randomUUID().toString();
        Map<String, String> body = Map.of("buyerPays", "710.00", "suanli", "290.00", "zhineng", "0.00", "reason", "re-rated");

        long entry = given().header("Authorization", Tokens.bearer("finance1")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/ledger/orders/" + id + "/corrections")
                .then().statusCode(201).body("buyerPays", equalTo("10.00")).extract().jsonPath().getLong("id");
        // the answer was lost; finance's client sends it again
        given().header("Authorization", Tokens.bearer("finance1")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/ledger/orders/" + id + "/corrections")
                .then().statusCode(200).body("id", equalTo((int) entry));
        // the same key with other figures: 409, nothing posted
        given().header("Authorization", Tokens.bearer("finance1")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(Map.of("buyerPays", "720.00", "suanli", "280.00", "zhineng", "0.00",
                        "reason", "re-rated again")).post("/api/ledger/orders/" + id + "/corrections")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://suanli.market/problems/idempotency-key-reused"));

        JsonPath order = awaitOrder(id);
        assertEquals(2, order.getList("entries").size(), "one original entry and one correction");
        assertEquals("710.00", order.getString("buyerPays"));
        assertBalanced(order);
    }

    @Test
    void corrections_are_for_finance_only_and_bad_ones_change_nothing() {
        String id = order();
        Events.sendCompleted(Events.completed(id, "ent-xihu-ai", PARTNER, CONTRACT, COMPLETED, 1000, 500, 0,
                "DOMESTIC", "COMPUTE", "西湖区"));
        awaitOrder(id);
        Map<String, String> form = Map.of("buyerPays", "10.00", "suanli", "4.00", "zhineng", "0.00", "reason", "why");

        given().header("Authorization", Tokens.bearer("admin1")).contentType(ContentType.JSON).body(form)
                .post("/api/ledger/orders/" + id + "/corrections").then().statusCode(403)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(form)
                .post("/api/ledger/orders/" + id + "/corrections").then().statusCode(401);
        given().header("Authorization", Tokens.bearer("finance1")).contentType(ContentType.JSON)
                .body(Map.of("buyerPays", "10.00", "suanli", "5.00", "zhineng", "0.00", "reason", "no change"))
                .post("/api/ledger/orders/" + id + "/corrections").then().statusCode(422)
                .body("type", equalTo("https://suanli.market/problems/nothing-to-correct"));
        given().header("Authorization", Tokens.bearer("finance1")).contentType(ContentType.JSON)
                .body(Map.of("buyerPays", "10.001", "suanli", "5.00", "zhineng", "0.00", "reason", "bad amount"))
                .post("/api/ledger/orders/" + id + "/corrections").then().statusCode(400)
                .contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer("finance1")).contentType(ContentType.JSON)
                .body(Map.of("buyerPays", "10.00", "suanli", "5.00", "zhineng", "0.00"))
                .post("/api/ledger/orders/" + id + "/corrections").then().statusCode(400);
        given().header("Authorization", Tokens.bearer("finance1")).contentType(ContentType.JSON).body(form)
                .post("/api/ledger/orders/no-such-order/corrections").then().statusCode(404)
                .contentType("application/problem+json");

        assertEquals(1, awaitOrder(id).getList("entries").size());
    }

    @Test
    void a_correction_may_move_money_between_payers_but_never_change_what_the_partner_is_owed() {
        String id = order();
        // contract 588.00: the buyer pays 294.00, 算力券 294.00
        Events.sendCompleted(Events.completed(id, "ent-xihu-ai", PARTNER, CONTRACT, COMPLETED, 29400, 29400, 0,
                "DOMESTIC", "COMPUTE", "西湖区"));
        awaitOrder(id);

        refusedCorrection(id, "0.00", "5000.00", "0.00", "correction-changes-total")
                .body("detail", containsString("5000.00")).body("detail", containsString("588.00"));
        refusedCorrection(id, "100.00", "294.00", "0.00", "correction-changes-total");
        refusedCorrection(id, "-100.00", "688.00", "0.00", "correction-negative-share")
                .body("detail", containsString("negative"));
        assertUncorrected(id);

        given().header("Authorization", Tokens.bearer("finance1")).contentType(ContentType.JSON)
                .body(Map.of("buyerPays", "394.00", "suanli", "194.00", "zhineng", "0.00", "reason", "voucher over-granted"))
                .post("/api/ledger/orders/" + id + "/corrections").then().statusCode(201)
                .body("buyerPays", equalTo("100.00")).body("suanli", equalTo("-100.00"))
                .body("partnerOwed", equalTo("0.00")).body("balanced", equalTo(true));
        JsonPath order = awaitOrder(id);
        assertEquals("394.00", order.getString("buyerPays"));
        assertEquals("588.00", order.getString("partnerOwed"));
    }

    @Test
    void once_the_redemption_is_known_no_subsidy_may_exceed_what_voucher_service_redeemed() {
        String id = order();
        Events.held(id, "ent-xihu-ai", 2030, 40000, 0, COMPLETED.minusSeconds(86400));
        Events.redeemed(id, "ent-xihu-ai", 2030, 29400, 0, 10600, 0, COMPLETED.minusSeconds(60));
        Events.sendCompleted(Events.completed(id, "ent-xihu-ai", PARTNER, CONTRACT, COMPLETED, 29400, 29400, 0,
                "DOMESTIC", "COMPUTE", "西湖区"));
        awaitOrder(id);
        await().atMost(Duration.ofSeconds(60)).until(() -> ((Number) QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery("select count(*) from voucher_movement where order_id = ?1 and kind = 'REDEEMED'")
                        .setParameter(1, id).getSingleResult())).longValue() > 0);

        // the right total, but more 算力券 than the 294.00 redeemed (the hold was 400.00)
        refusedCorrection(id, "194.00", "394.00", "0.00", "correction-exceeds-redeemed")
                .body("detail", containsString("294.00"));
        // nothing of 智能券 was redeemed
        refusedCorrection(id, "284.00", "294.00", "10.00", "correction-exceeds-redeemed")
                .body("detail", containsString("智能券"));
        assertUncorrected(id);

        given().header("Authorization", Tokens.bearer("finance1")).contentType(ContentType.JSON)
                .body(Map.of("buyerPays", "394.00", "suanli", "194.00", "zhineng", "0.00", "reason", "less subsidy"))
                .post("/api/ledger/orders/" + id + "/corrections").then().statusCode(201);
    }

    private static ValidatableResponse refusedCorrection(String orderId, String buyerPays, String suanli, String zhineng,
                                                         String rule) {
        return given().header("Authorization", Tokens.bearer("finance1")).contentType(ContentType.JSON)
                .body(Map.of("buyerPays", buyerPays, "suanli", suanli, "zhineng", zhineng, "reason", "re-rated"))
                .post("/api/ledger/orders/" + orderId + "/corrections")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://suanli.market/problems/" + rule));
    }

    /** Still only the completion of buyer 294.00 + 算力券 294.00, nothing posted for it since. */
    private void assertUncorrected(String orderId) {
        JsonPath order = awaitOrder(orderId);
        assertEquals(1, order.getList("entries").size());
        assertEquals("294.00", order.getString("buyerPays"));
        assertEquals("294.00", order.getString("suanli"));
        assertEquals("0.00", order.getString("zhineng"));
        assertEquals("588.00", order.getString("partnerOwed"));
        assertEquals(1L, ((Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select count(*) from journal_entry where order_id = ?1").setParameter(1, orderId).getSingleResult())).longValue());
    }

    @Test
    void who_may_read_an_order_in_the_ledger() {
        String id = order();
        Events.sendCompleted(Events.completed(id, "ent-xihu-ai", PARTNER, CONTRACT, COMPLETED, 1000, 0, 0,
                "DOMESTIC", "COMPUTE", "西湖区"));
        awaitOrder(id);
        String path = "/api/ledger/orders/" + id;

        given().header("Authorization", Tokens.bearer("admin1")).get(path).then().statusCode(200);
        given().header("Authorization", Tokens.bearer("partner1")).get(path).then().statusCode(200)
                .body("entries", hasSize(1));
        given().header("Authorization", Tokens.bearer("partner2")).get(path).then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer("sme1")).get(path).then().statusCode(403)
                .contentType("application/problem+json");
        given().get(path).then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + Tokens.forged("finance", "x")).get(path).then().statusCode(401);
        given().header("Authorization", Tokens.bearer("partner1")).get("/api/ledger/trial-balance").then().statusCode(403);
    }

    private long inboxCount(String orderId) {
        return ((Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select count(*) from inbox_event where consumer = 'settlement.orders' and aggregate_id = ?1")
                .setParameter(1, orderId).getSingleResult())).longValue();
    }

    static void assertBalanced(JsonPath order) {
        assertTrue(order.getList("entries.balanced").stream().allMatch(Boolean.TRUE::equals));
    }
}
