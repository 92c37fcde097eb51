package org.suanli.settlement.dossier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.suanli.settlement.support.Events;
import org.suanli.settlement.support.FakeVoucherService;
import org.suanli.testing.Tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The claim dossier (兑付材料) of an order, gathered from the four services (stand-ins answer for order-, catalog- and
 * voucher-service), with a content hash a printed copy can be checked against. Program year 2040 is this class's.
 */
@QuarkusTest
@WithTestResource(FakeVoucherService.class)
class DossierTest {

    static final String RUN = Long.toString(System.nanoTime(), 36);

    static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user));
    }

    /** 100 GPU-hours at 10.00, delivered 80.0: 800.00, of which 算力券 240.00 (30 %), the buyer 560.00. */
    static String order(String id) {
        return """
                {"id":"%1$s","state":"COMPLETED","buyerId":"ent-xihu-ai",
                 "offering":{"id":"off-%1$s","partnerId":"ptn-hz-ascend","partnerName":"杭州昇腾算力",
                   "partnerCreditCode":"91330100MA2H3X4K5L","facilityId":"fac-1","facilityName":"余杭一号",
                   "district":"余杭区","facilityType":"DOMESTIC","category":"COMPUTE","acceleratorModel":"Ascend 910B",
                   "filingNumber":null},
                 "gpuHours":"100.0","unitPrice":"10.00","estimate":"1000.00","windowStart":"2040-03-01T00:00:00Z",
                 "windowEnd":"2040-03-31T00:00:00Z","zhinengMode":"NONE","contractDate":"2040-02-27",
                 "placedAt":"2040-02-27T02:00:00Z","capacity":"CONSUMED",
                 "subsidy":{"status":"REDEEMED","programYear":2040,"policy":"HZ-2025","suanliRate":"0.30",
                   "zhinengRate":"0.00","suanliHeld":"300.00","zhinengHeld":"0.00","reasons":["DOMESTIC_FACILITY"]},
                 "buyerPays":"560.00",
                 "delivery":{"gpuHoursUsed":"80.0","invoiceNumber":"INV-%1$s","actualAmount":"800.00",
                   "deliveredAt":"2040-03-20T02:00:00Z"},
                 "completion":{"actualAmount":"800.00","suanli":"240.00","zhineng":"0.00","buyerPays":"560.00",
                   "partnerOwed":"800.00","completedAt":"2040-03-20T03:00:00Z"},
                 "endReason":null,"updatedAt":"2040-03-20T03:00:00Z",
                 "history":[{"from":null,"to":"PLACED","at":"2040-02-27T02:00:00Z","actor":"sme1","reason":"ordered <100> GPU-hours"},
                   {"from":"PLACED","to":"CONFIRMED","at":"2040-02-27T02:00:05Z","actor":"order-service","reason":"held"},
                   {"from":"CONFIRMED","to":"DELIVERED","at":"2040-03-20T02:00:00Z","actor":"partner1","reason":"delivered"},
                   {"from":"DELIVERED","to":"COMPLETED","at":"2040-03-20T03:00:00Z","actor":"voucher-service","reason":"redeemed"}]}
                """.formatted(id);
    }

    static String claim(String id) {
        return """
                {"hold":{"orderId":"%1$s","buyerId":"ent-xihu-ai","programYear":2040,"contractDate":"2040-02-27",
                   "policy":"HZ-2025","category":"COMPUTE","facilityType":"DOMESTIC","estimatedAmount":"1000.00",
                   "suanliRate":"0.30","zhinengRate":"0.00","suanliHeld":"300.00","zhinengHeld":"0.00",
                   "actualAmount":"800.00","suanliRedeemed":"240.00","zhinengRedeemed":"0.00","status":"REDEEMED",
                   "reasons":["DOMESTIC_FACILITY"],"redeemedAt":"2040-03-20T02:30:00Z"},
                 "partnerId":"ptn-hz-ascend",
                 "buyer":{"id":"ent-xihu-ai","name":"西湖智能","creditCode":"91330106MA2B0XH001","type":"ENTERPRISE","sme":true},
                 "movements":[
                   {"id":1,"orderId":"%1$s","buyerId":"ent-xihu-ai","program":"SUANLI","year":2040,"kind":"HOLD","amount":"300.00","rate":"0.30","reasons":[],"at":"2040-02-27T02:00:03Z"},
                   {"id":2,"orderId":"%1$s","buyerId":"ent-xihu-ai","program":"SUANLI","year":2040,"kind":"REDEEM","amount":"240.00","rate":"0.30","reasons":[],"at":"2040-03-20T02:30:00Z"},
                   {"id":3,"orderId":"%1$s","buyerId":"ent-xihu-ai","program":"SUANLI","year":2040,"kind":"RELEASE","amount":"60.00","rate":"0.30","reasons":[],"at":"2040-03-20T02:30:00Z"}],
                 "audit":[{"id":7,"actor":"admin1","action":"CLAIM_REVIEWED","subject":"%1$s","reason":"documents complete","detail":null,"at":"2040-03-20T02:10:00Z"}]}
                """.formatted(id);
    }

    static String sha256OfSortedJson(String dossierJson) throws Exception {
        ObjectMapper m = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        String canonical = m.writeValueAsString(m.readValue(dossierJson, Object.class));
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void the_dossier_gathers_the_claim_and_its_hash_checks_a_printed_copy() throws Exception {
        String id = "ord-dossier-" + RUN;
        FakeVoucherService.ORDERS.put(id, order(id));
        FakeVoucherService.CLAIMS.put(id, claim(id));
        FakeVoucherService.OFFERINGS.put("off-" + id, """
                {"id":"off-%s","acceleratorModel":"Ascend 910B","acceleratorsPerUnit":8,"memoryGb":64,
                 "fp16Tflops":320.0,"unitPrice":"10.00","capacityLeft":"900.0"}""".formatted(id));
        Events.sendCompleted(Events.completed(id, "ent-xihu-ai", "ptn-hz-ascend", LocalDate.of(2040, 2, 27),
                Instant.parse("2040-03-20T03:00:00Z"), 56000, 24000, 0, "DOMESTIC", "COMPUTE", "余杭区"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> as("finance1").get("/api/ledger/orders/" + id).statusCode() == 200);

        String path = "/api/dossiers/" + id;
        String body = as("sme1").get(path).then().statusCode(200).extract().asString();
        JsonPath d = new JsonPath(body);
        assertEquals("91330106MA2B0XH001", d.getString("dossier.contract.buyer.creditCode"));
        assertEquals("西湖智能", d.getString("dossier.contract.buyer.name"));
        assertEquals("91330100MA2H3X4K5L", d.getString("dossier.contract.seller.creditCode"));
        assertEquals("10.00", d.getString("dossier.contract.unitPrice"));
        assertEquals("2040-03-01T00:00:00Z", d.getString("dossier.contract.windowStart"));
        assertEquals(64, d.getInt("dossier.contract.offering.memoryGb"));
        assertEquals("HZ-2025", d.getString("dossier.decision.policyVersion"));
        assertEquals("0.30", d.getString("dossier.decision.suanliRate"));
        assertEquals(List.of("DOMESTIC_FACILITY"), d.getList("dossier.decision.reasons"));
        assertEquals("240.00", d.getString("dossier.decision.suanliRedeemed"));
        assertEquals(List.of("HOLD", "REDEEM", "RELEASE"), d.getList("dossier.budgetMovements.kind"));
        assertEquals("INV-" + id, d.getString("dossier.delivery.invoiceNumber"));
        assertEquals("80.0", d.getString("dossier.delivery.gpuHoursUsed"));
        assertEquals("800.00", d.getString("dossier.settlement.partnerOwed"));
        assertEquals("240.00", d.getString("dossier.settlement.suanli"));
        assertEquals(List.of("ORDER_COMPLETED"), d.getList("dossier.settlement.entries.kind"));
        assertEquals(List.of("560.00", "560.00", "240.00", "240.00"), d.getList("dossier.settlement.entries[0].postings.amount"));
        assertEquals("OPEN", d.getString("dossier.settlement.batches[0].status"));
        assertEquals(List.of("CLAIM_REVIEWED"), d.getList("dossier.reviews.items.action"));
        List<String> services = d.getList("dossier.auditTrail.service");
        assertTrue(services.containsAll(List.of("order-service", "voucher-service", "settlement-service")), services.toString());
        assertEquals("sme1", d.getString("dossier.auditTrail.find { it.service == 'order-service' }.actor"));

        // the hash is SHA-256 over the dossier's JSON with sorted keys and no spaces: anyone can recompute it
        String hash = d.getString("contentHash");
        String dossierJson = new ObjectMapper().writeValueAsString(new ObjectMapper().readTree(body).get("dossier"));
        assertEquals(sha256OfSortedJson(dossierJson), hash);

        // the partner and officials get the very same dossier; others do not see it at all
        assertEquals(hash, as("partner1").get(path).then().statusCode(200).extract().path("contentHash"));
        assertEquals(hash, as("finance1").get(path).then().statusCode(200).extract().path("contentHash"));
        as("admin1").get(path).then().statusCode(200);
        as("sme2").get(path).then().statusCode(404).contentType("application/problem+json");
        as("partner2").get(path).then().statusCode(404);
        given().get(path).then().statusCode(401);
        as("sme1").get("/api/dossiers/ord-dossier-unknown-" + RUN).then().statusCode(404);
        as("sme1").get("/api/dossiers/bad%20id").then().statusCode(400);

        // the printable page carries the hash and escapes what it shows
        String html = as("partner1").accept("text/html").get(path + "/print").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/html")).extract().asString();
        assertTrue(html.contains(hash), "hash on the page");
        assertTrue(html.contains("INV-" + id));
        assertTrue(html.contains("ordered &lt;100&gt; GPU-hours") && !html.contains("<100>"), "escaped");

        // a printed copy is checked: current now; after the batch is paid the dossier changes and the copy is old
        as("finance1").queryParam("hash", hash).get(path + "/verify").then().statusCode(200)
                .body("current", equalTo(true)).body("issued.issuedTo", org.hamcrest.Matchers.hasItems("sme1", "partner1"));
        long batch = d.getLong("dossier.settlement.batches[0].id");
        as("finance1").post("/api/batches/" + batch + "/close").then().statusCode(200);
        as("finance1").post("/api/batches/" + batch + "/approve").then().statusCode(200);
        as("finance1").contentType(ContentType.JSON).body(Map.of("paymentReference", "DOSSIER-" + RUN))
                .post("/api/batches/" + batch + "/pay").then().statusCode(200);
        JsonPath v = as("sme1").queryParam("hash", hash.toUpperCase().replace("SHA256:", "sha256:")).get(path + "/verify")
                .then().statusCode(200).extract().jsonPath();
        assertFalse(v.getBoolean("current"));
        assertEquals("the copy was issued by the system, but the dossier has changed since", v.getString("verdict"));
        JsonPath paid = as("sme1").get(path).then().statusCode(200).extract().jsonPath();
        assertEquals("PAID", paid.getString("dossier.settlement.batches[0].status"));
        assertEquals("DOSSIER-" + RUN, paid.getString("dossier.settlement.batches[0].paymentReference"));
        assertEquals(v.getString("currentHash"), paid.getString("contentHash"));
        as("sme1").queryParam("hash", "sha256:" + "0".repeat(64)).get(path + "/verify").then().statusCode(200)
                .body("current", equalTo(false)).body("verdict", equalTo("no dossier of this order was ever issued with this hash"));
        as("sme1").queryParam("hash", "abc").get(path + "/verify").then().statusCode(400);
        as("sme2").queryParam("hash", hash).get(path + "/verify").then().statusCode(404);
    }

    @Test
    void a_neighbour_that_fails_gives_a_clear_problem_not_half_a_dossier() {
        String id = "ord-dossier-down-" + RUN;
        FakeVoucherService.ORDERS.put(id, order(id));
        FakeVoucherService.failWith = 500;
        try {
            as("finance1").get("/api/dossiers/" + id).then().statusCode(502).contentType("application/problem+json")
                    .body("type", equalTo("https://suanli.market/problems/order-service-refused"));
        } finally {
            FakeVoucherService.failWith = 0;
        }
    }
}
