package org.suanli.voucher.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suanli.voucher.Api;

import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Officials editing the same budget, buyer or policy book: a write made on what they read (If-Match) succeeds only
 * while nobody changed it since; a manual hold retried with the same Idempotency-Key is made once.
 */
@QuarkusTest
class SafeEditsTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String TYPES = "https://suanli.market/problems/";

    @BeforeEach
    void buyers() {
        Api.registerBuyer("ent-xihu-ai", "91330106MA2B0XH001", "ENTERPRISE", true, false, null);
    }

    @Test
    void aBudgetSetOnAStaleReadingIsRefusedAndTheBudgetStays() {
        Api.as("admin1").body("{\"budget\":\"1000000.00\",\"reason\":\"2031 opening budget\"}")
                .put("/api/budgets/SUANLI/2031").then().statusCode(200);
        String read = Api.as("finance1").get("/api/budgets/SUANLI/2031").then().statusCode(200)
                .body("budget", equalTo("1000000.00")).extract().header("ETag");

        String afterFirst = Api.as("admin1").header("If-Match", read)
                .body("{\"budget\":\"1200000.00\",\"reason\":\"council raised it\"}")
                .put("/api/budgets/SUANLI/2031").then().statusCode(200).body("budget", equalTo("1200000.00"))
                .extract().header("ETag");
        assertNotEquals(read, afterFirst);

        // a second official, still looking at 1,000,000.00, cuts it
        Api.as("admin1").header("If-Match", read).body("{\"budget\":\"800000.00\",\"reason\":\"cut\"}")
                .put("/api/budgets/SUANLI/2031").then().statusCode(412).contentType(PROBLEM)
                .body("type", equalTo(TYPES + "precondition-failed"));
        Api.as("finance1").get("/api/budgets/SUANLI/2031").then().statusCode(200)
                .body("budget", equalTo("1200000.00")).header("ETag", equalTo(afterFirst));
    }

    @Test
    void aBuyerUpdateOnAStaleReadingIsRefused() {
        Api.as("admin1").header("If-Match", "\"not-the-current-one\"").body("""
                        {"name":"Renamed Ltd","creditCode":"91330106MA2B0XH001","type":"ENTERPRISE","sme":false,"reason":"stale"}""")
                .put("/api/buyers/ent-xihu-ai").then().statusCode(412).contentType(PROBLEM);
        String tag = Api.as("admin1").get("/api/buyers/ent-xihu-ai").then().statusCode(200).body("sme", equalTo(true))
                .extract().header("ETag");
        Api.as("admin1").header("If-None-Match", tag).get("/api/buyers/ent-xihu-ai").then().statusCode(304);
    }

    @Test
    void aPolicyVersionAddedOnAStaleBookIsRefused() {
        int versions = Api.as("admin1").get("/api/policies").then().statusCode(200).extract().jsonPath().getList("code").size();
        Api.as("admin1").header("If-Match", "\"an-older-book\"").body("""
                        {"code":"HZ-2099","effectiveFrom":"2099-01-01","parameters":{},"reason":"stale"}""")
                .post("/api/policies").then().statusCode(412).contentType(PROBLEM);
        Api.as("admin1").get("/api/policies").then().body("code", hasSize(versions));
    }

    @Test
    void aRetriedManualHoldWithTheSameKeyIsMadeOnce() {
        String key = UUID.randomUUID().toString();
        String order = "ord-idem-" + key.substring(0, 8);
        String hold = """
                {"orderId":"%s","buyerId":"ent-xihu-ai","category":"COMPUTE","facilityType":"DOMESTIC",
                 "amount":"%s","contractDate":"2026-11-20"}""";
        Api.as("admin1").header("Idempotency-Key", key).body(hold.formatted(order, "1000.00")).post("/api/holds")
                .then().statusCode(201).body("orderId", equalTo(order)).body("estimatedAmount", equalTo("1000.00"));
        Api.as("admin1").header("Idempotency-Key", key).body(hold.formatted(order, "1000.00")).post("/api/holds")
                .then().statusCode(200).body("orderId", equalTo(order));

        // the same key for another contract: 409, and no hold for it
        String other = order + "-b";
        Api.as("admin1").header("Idempotency-Key", key).body(hold.formatted(other, "500.00")).post("/api/holds")
                .then().statusCode(409).contentType(PROBLEM).body("type", equalTo(TYPES + "idempotency-key-reused"));
        Api.as("admin1").get("/api/holds/" + other).then().statusCode(404);
        Api.as("admin1").get("/api/holds/" + order).then().statusCode(200).body("estimatedAmount", equalTo("1000.00"));
    }

    @Test
    void aMalformedFigureIsExplainedInChineseWhenAsked() {
        Api.as("admin1").header("Accept-Language", "zh-CN").body("{\"budget\":\"1.234\",\"reason\":\"x\"}")
                .put("/api/budgets/SUANLI/2031").then().statusCode(400).contentType(PROBLEM)
                .header("Content-Language", "zh-CN")
                .body("title", equalTo("请求格式有误"))
                .body("detail", equalTo("budget“1.234”必须是非负的人民币元数，最多两位小数，例如 \"1234.50\""));
        Api.as("admin1").body("{\"budget\":\"1.234\",\"reason\":\"x\"}").put("/api/budgets/SUANLI/2031")
                .then().statusCode(400).body("title", equalTo("The request is malformed"));
    }
}
