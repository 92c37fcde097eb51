package org.suanli.settlement.notice;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.suanli.settlement.batch.Periods;
import org.suanli.settlement.support.Events;
import org.suanli.settlement.support.FakeVoucherService;
import org.suanli.testing.Tokens;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public notice (公示): subsidised completions listed per month with the organisations' names and nothing
 * personal; objections filed by anyone while the window is open, validated and limited per address; the program
 * office's answer, and an objected order held out of its batch until it is resolved. Program years 2040-2044 and
 * partners of this run alone.
 */
@QuarkusTest
@WithTestResource(FakeVoucherService.class)
class NoticeTest {

    static final String RUN = Long.toString(System.nanoTime(), 36);
    /** Each test files from addresses of its own (documentation range 203.0.113.0/24 and 198.51.100.0/24). */
    static final AtomicInteger ADDRESS = new AtomicInteger(1);

    @Inject
    EntityManager em;

    static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user));
    }

    static RequestSpecification from(String address) {
        return given().header("X-Forwarded-For", address);
    }

    static String newAddress() {
        return "203.0.113." + ADDRESS.getAndIncrement();
    }

    static Instant at(String iso) {
        return Instant.parse(iso);
    }

    /** Names first (voucher's redemption), then the completion, and wait until the ledger has it. */
    static void complete(String order, String buyer, String buyerName, String partner, String partnerName, int year,
                         Instant completedAt, long buyerFen, long suanliFen, long zhinengFen) {
        Events.redeemedNamed(order, buyer, buyerName, year, suanliFen, zhinengFen, completedAt);
        Events.sendCompleted(Events.completedNamed(order, buyer, partner, partnerName, LocalDate.of(year, 1, 15),
                completedAt, buyerFen, suanliFen, zhinengFen));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> as("finance1").get("/api/ledger/orders/" + order).statusCode() == 200);
    }

    static List<Map<String, Object>> lines(String period, String order) {
        return given().queryParam("period", period).get("/api/notices").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("lines").stream()
                .filter(l -> order.equals(l.get("orderId"))).toList();
    }

    static long file(String order, String contact, String reason) {
        return from(newAddress()).contentType(ContentType.JSON).body(Map.of("contact", contact, "reason", reason))
                .post("/api/notices/" + order + "/objections").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static long batchId(String partner, String period) {
        return as("finance1").queryParam("partner", partner).queryParam("period", period).get("/api/batches")
                .then().statusCode(200).extract().jsonPath().getLong("[0].id");
    }

    static JsonPath batch(long id) {
        return as("finance1").get("/api/batches/" + id).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath ledger(String order) {
        return as("finance1").get("/api/ledger/orders/" + order).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath answer(long objection, String decision, String note) {
        return as("finance1").contentType(ContentType.JSON).body(Map.of("decision", decision, "note", note))
                .post("/api/objections/" + objection + "/answer").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void a_subsidised_completion_is_published_with_the_organisations_names_and_nothing_personal() {
        String order = "ord-pub-" + RUN, free = "ord-pub-free-" + RUN, old = "ord-pub-old-" + RUN;
        String buyer = "ent-pub-" + RUN, partner = "ptn-pub-" + RUN;
        // contract 10,000.00: the buyer pays 5,000.00, 算力券 3,000.00, 智能券 2,000.00
        complete(order, buyer, "杭州西湖智算科技有限公司", partner, "杭州昇腾人工智能计算中心", 2040,
                at("2040-05-10T02:00:00Z"), 500000, 300000, 200000);
        // a contract without subsidy is not on the notice
        complete(free, buyer, "杭州西湖智算科技有限公司", partner, "杭州昇腾人工智能计算中心", 2040,
                at("2040-05-11T02:00:00Z"), 80000, 0, 0);
        // an OrderCompleted written before events carried the partner's name still reads: the id stands in
        Events.sendCompleted(Events.completed(old, "ent-pub-old-" + RUN, "ptn-pub-old-" + RUN, LocalDate.of(2040, 1, 15),
                at("2040-05-12T02:00:00Z"), 70000, 30000, 0, "OTHER", "COMPUTE", "余杭区"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> as("finance1").get("/api/ledger/orders/" + old).statusCode() == 200);

        // no token at all
        Response r = given().queryParam("period", "2040-05").get("/api/notices");
        r.then().statusCode(200).body("period", equalTo("2040-05")).body("objectionWorkingDays", equalTo(5));
        List<Map<String, Object>> lines = lines("2040-05", order);
        assertEquals(2, lines.size(), "one line per program: " + lines);
        Map<String, Object> suanli = lines.get(0), zhineng = lines.get(1);
        assertEquals("杭州西湖智算科技有限公司", suanli.get("enterprise"));
        assertEquals("杭州昇腾人工智能计算中心", suanli.get("computeCentre"));
        assertEquals("SUANLI", suanli.get("program"));
        assertEquals("算力券", suanli.get("programName"));
        assertEquals("10000.00", suanli.get("contractAmount"));
        assertEquals("3000.00", suanli.get("subsidy"));
        assertEquals("2040-05-10", suanli.get("date"));
        assertEquals("智能券", zhineng.get("programName"));
        assertEquals("2000.00", zhineng.get("subsidy"));
        assertEquals(true, suanli.get("objectionOpen"));
        assertEquals(false, suanli.get("underObjection"));
        // published today; objections until the end of the fifth working day after it
        LocalDate published = LocalDate.parse((String) suanli.get("publishedOn"));
        assertEquals(LocalDate.now(Periods.SHANGHAI), published);
        assertEquals(ObjectionWindow.lastDay(published, 5).plusDays(1).atStartOfDay(Periods.SHANGHAI).toInstant(),
                Instant.parse((String) suanli.get("objectionClosesAt")));

        assertTrue(lines("2040-05", free).isEmpty(), "nothing granted, nothing published");
        Map<String, Object> oldLine = lines("2040-05", old).get(0);
        assertEquals("ptn-pub-old-" + RUN, oldLine.get("computeCentre"));
        assertEquals("300.00", oldLine.get("subsidy"));

        // nothing personal: no user, contact or invoice in the public answer
        String body = r.asString();
        assertFalse(body.contains("finance") || body.contains("order-events") || body.contains("INV-")
                || body.contains("postedBy") || body.contains("contact"), body);
        assertTrue(lines("2040-06", order).isEmpty(), "another month's notice");
    }

    @Test
    void an_objected_order_is_held_out_of_its_batch_and_a_dismissed_objection_sends_it_into_the_next() {
        String partner = "ptn-dis-" + RUN, buyer = "ent-dis-" + RUN;
        String objected = "ord-dis-a-" + RUN, other = "ord-dis-b-" + RUN;
        // A: 1,000.00 = buyer 600.00 + 算力券 400.00; B: 500.00 = buyer 300.00 + 算力券 200.00; both in June 2041
        complete(objected, buyer, "钱塘生物计算有限公司", partner, "余杭智算中心", 2041, at("2041-06-03T02:00:00Z"), 60000, 40000, 0);
        complete(other, buyer, "钱塘生物计算有限公司", partner, "余杭智算中心", 2041, at("2041-06-04T02:00:00Z"), 30000, 20000, 0);
        long objection = file(objected, "13800000000", "该企业与算力服务商为关联方，合同金额虚高。\n请核查。");
        assertEquals(true, lines("2041-06", objected).get(0).get("underObjection"));

        // the program office sees the contact; the public never does
        JsonPath o = as("finance1").get("/api/objections/" + objection).then().statusCode(200).extract().jsonPath();
        assertEquals("13800000000", o.getString("contact"));
        assertEquals("OPEN", o.getString("status"));
        assertEquals("钱塘生物计算有限公司", o.getString("enterprise"));
        assertFalse(given().queryParam("period", "2041-06").get("/api/notices").asString().contains("13800000000"));
        assertTrue(as("admin1").queryParam("status", "OPEN").get("/api/objections").then().statusCode(200)
                .extract().jsonPath().getList("id", Long.class).contains(objection));

        // closing June: A is held out, so the batch owes B's 500.00 only (算力券 200.00)
        long june = batchId(partner, "2041-06");
        as("finance1").post("/api/batches/" + june + "/close").then().statusCode(200)
                .body("total", equalTo("500.00")).body("suanli", equalTo("200.00"));
        JsonPath a = ledger(objected);
        assertEquals(List.of("ORDER_COMPLETED", "HELD_OUT"), a.getList("entries.kind"));
        assertEquals("-1000.00", a.getString("entries[1].partnerOwed"));
        assertEquals("400.00", a.getString("suanli"), "held out is not taken back: the order still moved 400.00");
        assertTrue(as("finance1").get("/api/objections/" + objection).jsonPath().getBoolean("heldOut"));
        as("finance1").get("/api/ledger/trial-balance").then().statusCode(200).body("balanced", equalTo(true));

        // dismissed: A goes into the partner's open batch of this month, whole
        JsonPath answered = answer(objection, "DISMISSED", "经核查，双方无关联关系，合同价格与市场价一致。");
        assertEquals("DISMISSED", answered.getString("status"));
        assertEquals("finance1", answered.getString("answeredBy"));
        assertFalse(answered.getBoolean("heldOut"));
        assertNull(answered.get("clawback"));
        String now = Periods.format(Periods.monthOf(Instant.now()));
        JsonPath next = batch(batchId(partner, now));
        assertEquals("1000.00", next.getString("total"));
        assertEquals("400.00", next.getString("suanli"));
        assertEquals("REINSTATED", ledger(objected).getString("entries[2].kind"));
        assertEquals(false, lines("2041-06", objected).get(0).get("underObjection"));

        // an answer is final
        as("finance1").contentType(ContentType.JSON).body(Map.of("decision", "UPHELD", "note", "改判"))
                .post("/api/objections/" + objection + "/answer").then().statusCode(409)
                .body("type", equalTo("https://suanli.market/problems/objection-answered"));
    }

    @Test
    void an_upheld_objection_keeps_the_order_out_until_its_subsidy_is_clawed_back_then_the_rest_is_settled() {
        String partner = "ptn-up-" + RUN, buyer = "ent-up-" + RUN, order = "ord-up-" + RUN;
        // 1,000.00 = buyer 700.00 + 算力券 300.00, July 2042
        complete(order, buyer, "滨江机器人有限公司", partner, "萧山算力中心", 2042, at("2042-07-08T02:00:00Z"), 70000, 30000, 0);
        long objection = file(order, "whistle@example.cn", "发票与实际交付不符");
        long july = batchId(partner, "2042-07");
        as("finance1").post("/api/batches/" + july + "/close").then().statusCode(200).body("total", equalTo("0.00"));

        JsonPath upheld = answer(objection, "UPHELD", "交付记录显示仅交付一半，补贴应予追回。");
        assertEquals("UPHELD", upheld.getString("status"));
        assertTrue(upheld.getBoolean("heldOut"), "held out until the clawback reaches the ledger");
        assertEquals("300.00", upheld.getString("clawback.suanli"));
        assertEquals("0.00", upheld.getString("clawback.zhineng"));
        assertEquals("objection-" + objection, upheld.getString("clawback.evidenceRef"));
        assertFalse(upheld.getBoolean("clawback.done"));
        assertEquals(2, ledger(order).getList("entries").size(), "nothing reinstated yet");

        // finance claws the 300.00 back in voucher-service; its event reaches the ledger
        Events.clawedBack(order, buyer, partner, 2042, 30000, 0, upheld.getString("clawback.reason"),
                upheld.getString("clawback.evidenceRef"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> ledger(order).getList("entries").size() == 4);
        JsonPath l = ledger(order);
        assertEquals(List.of("ORDER_COMPLETED", "HELD_OUT", "CLAWBACK", "REINSTATED"), l.getList("entries.kind"));
        assertEquals("0.00", l.getString("suanli"));
        assertEquals("700.00", l.getString("partnerOwed"));
        // in this month's batch: 1,000.00 put back less 300.00 clawed back = 700.00, the buyer's part only
        JsonPath now = batch(batchId(partner, Periods.format(Periods.monthOf(Instant.now()))));
        assertEquals("700.00", now.getString("total"));
        assertEquals("0.00", now.getString("suanli"));
        JsonPath after = as("finance1").get("/api/objections/" + objection).then().statusCode(200).extract().jsonPath();
        assertTrue(after.getBoolean("clawback.done"));
        assertFalse(after.getBoolean("heldOut"));
        as("finance1").get("/api/ledger/trial-balance").then().statusCode(200).body("balanced", equalTo(true));
        // the public notice shows what was granted after the clawback: nothing left, so the 算力券 line is gone
        assertTrue(lines("2042-07", order).isEmpty());
    }

    @Test
    void objections_are_validated_answered_only_by_the_program_office_and_refused_once_the_window_closed() {
        String order = "ord-val-" + RUN;
        complete(order, "ent-val-" + RUN, "杭州某企业", "ptn-val-" + RUN, "某算力中心", 2043, at("2043-03-02T02:00:00Z"),
                10000, 5000, 0);
        String address = newAddress();
        // a blank contact, in Chinese when asked
        from(address).header("Accept-Language", "zh-CN").contentType(ContentType.JSON)
                .body(Map.of("contact", " ", "reason", "理由")).post("/api/notices/" + order + "/objections")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("字段“联系方式”不能为空"));
        // too long, NUL, a control character, unknown fields, an order not on the notice
        from(address).contentType(ContentType.JSON).body(Map.of("contact", "a", "reason", "x".repeat(2001)))
                .post("/api/notices/" + order + "/objections").then().statusCode(400)
                .body("detail", equalTo("field 'reason' must have at most 2000 characters"));
        from(address).contentType(ContentType.JSON).body("{\"contact\":\"a\\u0000b\",\"reason\":\"r\"}")
                .post("/api/notices/" + order + "/objections").then().statusCode(400);
        from(address).contentType(ContentType.JSON).body("{\"contact\":\"a\\u001bb\",\"reason\":\"r\"}")
                .post("/api/notices/" + order + "/objections").then().statusCode(400);
        from(address).contentType(ContentType.JSON).body(Map.of("contact", "a", "reason", "r", "name", "张三"))
                .post("/api/notices/" + order + "/objections").then().statusCode(400);
        from(address).contentType(ContentType.JSON).body(Map.of("contact", "a", "reason", "r"))
                .post("/api/notices/ord-nowhere-" + RUN + "/objections").then().statusCode(404);
        given().queryParam("period", "2043-13").get("/api/notices").then().statusCode(400);

        // only finance and admin read and answer objections
        long objection = file(order, "a@example.cn", "存疑");
        given().get("/api/objections").then().statusCode(401);
        as("sme1").get("/api/objections").then().statusCode(403);
        as("partner1").contentType(ContentType.JSON).body(Map.of("decision", "DISMISSED", "note", "n"))
                .post("/api/objections/" + objection + "/answer").then().statusCode(403);
        as("finance1").contentType(ContentType.JSON).body(Map.of("decision", "MAYBE", "note", "n"))
                .post("/api/objections/" + objection + "/answer").then().statusCode(400);
        as("finance1").contentType(ContentType.JSON).body(Map.of("decision", "DISMISSED", "note", ""))
                .post("/api/objections/" + objection + "/answer").then().statusCode(400);
        assertEquals("OPEN", as("finance1").get("/api/objections/" + objection).jsonPath().getString("status"));

        // the window closed (as it would five working days on): refused, in Chinese when asked
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update public_notice set published_at = now() - interval '8 days', objection_closes_at = now() - interval '1 second' "
                                + "where order_id = ?1")
                .setParameter(1, order).executeUpdate());
        assertEquals(false, lines("2043-03", order).get(0).get("objectionOpen"));
        from(newAddress()).header("Accept-Language", "zh-CN").contentType(ContentType.JSON)
                .body(Map.of("contact", "b@example.cn", "reason", "迟到的异议")).post("/api/notices/" + order + "/objections")
                .then().statusCode(422).body("type", equalTo("https://suanli.market/problems/objection-window-closed"))
                .body("title", equalTo("异议期已结束"));
    }

    @Test
    void one_address_may_file_five_objections_then_waits_with_retry_after() {
        String order = "ord-lim-" + RUN;
        complete(order, "ent-lim-" + RUN, "杭州某企业", "ptn-lim-" + RUN, "某算力中心", 2044, at("2044-04-01T02:00:00Z"),
                10000, 5000, 0);
        String address = "198.51.100.7";
        for (int i = 1; i <= 5; i++) {
            from(address).contentType(ContentType.JSON).body(Map.of("contact", "c" + i, "reason", "第 " + i + " 条"))
                    .post("/api/notices/" + order + "/objections").then().statusCode(201);
        }
        Response sixth = from(address).header("Accept-Language", "zh-CN").contentType(ContentType.JSON)
                .body(Map.of("contact", "c6", "reason", "第 6 条")).post("/api/notices/" + order + "/objections");
        sixth.then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("https://suanli.market/problems/too-many-requests"))
                .body("title", equalTo("请求过于频繁"));
        long retryAfter = Long.parseLong(sixth.header("Retry-After"));
        // the next objection is earned 12 minutes after the fifth
        assertTrue(retryAfter > 0 && retryAfter <= 720, "Retry-After " + retryAfter);
        assertEquals(retryAfter, sixth.jsonPath().getLong("retryAfterSeconds"));
        // another address is not held back by this one
        from("198.51.100.8").contentType(ContentType.JSON).body(Map.of("contact", "d", "reason", "另一地址"))
                .post("/api/notices/" + order + "/objections").then().statusCode(201);
        assertEquals(6, as("finance1").get("/api/objections").jsonPath().getList("orderId").stream()
                .filter(order::equals).count(), "the refused one was not stored");
    }
}
