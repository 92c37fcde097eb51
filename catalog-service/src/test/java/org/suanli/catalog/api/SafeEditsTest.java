package org.suanli.catalog.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suanli.catalog.Fixtures;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.suanli.catalog.Api.PROBLEM;
import static org.suanli.catalog.Api.as;
import static org.suanli.catalog.Fixtures.ASCEND_FACILITY;
import static org.suanli.catalog.Fixtures.ASCEND_MODEL;
import static org.suanli.catalog.Fixtures.GPU;
import static org.suanli.catalog.TestData.offeringJson;

/**
 * Two people editing the same thing: a write based on what they read (If-Match with the ETag of their GET)
 * succeeds only while nobody changed it since; a create a client retries (Idempotency-Key) happens once.
 */
@QuarkusTest
class SafeEditsTest {

    private static final String TYPES = "https://suanli.market/problems/";

    @BeforeEach
    void partners() {
        Fixtures.partnersApproved();
    }

    @Test
    void aPartnerEditingAnOfferingSomeoneElseChangedGets412AndChangesNothing() {
        String id = as("partner1").body(offeringJson(ASCEND_FACILITY, ASCEND_MODEL, "11.50", "2000"))
                .post("/api/partners/me/offerings").then().statusCode(201).extract().path("id");
        String read = as("partner1").get("/api/partners/me/offerings/" + id).then().statusCode(200).extract().header("ETag");

        // a colleague changes the price first, from the same reading
        String afterColleague = as("partner1").header("If-Match", read)
                .body(offeringJson(ASCEND_FACILITY, ASCEND_MODEL, "10.80", "2000"))
                .put("/api/partners/me/offerings/" + id).then().statusCode(200).body("unitPrice", equalTo("10.80"))
                .extract().header("ETag");
        assertNotEquals(read, afterColleague);

        // the stale write is refused and the colleague's price stays
        as("partner1").header("If-Match", read).body(offeringJson(ASCEND_FACILITY, ASCEND_MODEL, "9.90", "3000"))
                .put("/api/partners/me/offerings/" + id).then().statusCode(412).contentType(PROBLEM)
                .body("type", equalTo(TYPES + "precondition-failed"))
                // the problem names the current tag (an extension member), so the client knows it must read again
                .body(containsString(afterColleague.replace("\"", "")));
        as("partner1").header("If-Match", read).post("/api/partners/me/offerings/" + id + "/publish")
                .then().statusCode(412).contentType(PROBLEM);
        as("partner1").get("/api/partners/me/offerings/" + id).then().statusCode(200)
                .body("unitPrice", equalTo("10.80")).body("capacity", equalTo("2000.0")).body("status", equalTo("DRAFT"))
                // the ETag of the write's answer is the one a later read gives
                .header("ETag", equalTo(afterColleague));

        // reading again gives the current tag, and the write goes through; so does one without If-Match
        as("partner1").header("If-Match", afterColleague).post("/api/partners/me/offerings/" + id + "/publish")
                .then().statusCode(200).body("status", equalTo("PUBLISHED"));
        as("partner1").post("/api/partners/me/offerings/" + id + "/withdraw").then().statusCode(200);
    }

    @Test
    void aReaderWithTheCurrentTagGetsNotModified() {
        String id = Fixtures.published("partner1", offeringJson(ASCEND_FACILITY, ASCEND_MODEL, "12.00", "100"));
        String tag = as("sme1").get("/api/offerings/" + id).then().statusCode(200).extract().header("ETag");
        as("sme1").header("If-None-Match", tag).get("/api/offerings/" + id).then().statusCode(304);
        // the buyer's and the partner's views are the same representation, with the same tag
        as("partner1").get("/api/partners/me/offerings/" + id).then().header("ETag", equalTo(tag));
    }

    @Test
    void aVettingDecisionOnAPartnerTheBureauReadBeforeAnotherDecisionIsRefused() {
        String read = as("admin1").get("/api/partners/" + GPU).then().statusCode(200).body("status", equalTo("APPROVED"))
                .extract().header("ETag");
        String suspended = as("admin1").header("If-Match", read).body(Map.of("reason", "PUE audit pending"))
                .post("/api/partners/" + GPU + "/suspend").then().statusCode(200).body("status", equalTo("SUSPENDED"))
                .extract().header("ETag");
        try {
            // a second official, still looking at the approved partner, decides on old facts
            as("admin1").header("If-Match", read).body(Map.of("reason", "all fine"))
                    .post("/api/partners/" + GPU + "/reinstate").then().statusCode(412).contentType(PROBLEM);
            as("admin1").get("/api/partners/" + GPU).then().body("status", equalTo("SUSPENDED"))
                    .header("ETag", equalTo(suspended));
        } finally {
            as("admin1").header("If-Match", suspended).body(Map.of("reason", "audit passed"))
                    .post("/api/partners/" + GPU + "/reinstate").then().statusCode(200).body("status", equalTo("APPROVED"));
        }
    }

    @Test
    void aRetriedOfferingCreateWithTheSameKeyMakesOneOffering() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = offeringJson(ASCEND_FACILITY, ASCEND_MODEL, "13.20", "700");
        int before = mine().size();

        String first = as("partner1").header("Idempotency-Key", key).body(body).post("/api/partners/me/offerings")
                .then().statusCode(201).extract().path("id");
        // the answer was lost; the client sends the same request again
        as("partner1").header("Idempotency-Key", key).body(body).post("/api/partners/me/offerings")
                .then().statusCode(200).body("id", equalTo(first)).body("unitPrice", equalTo("13.20"));
        assertEquals(before + 1, mine().size());

        // the same key for another offering is a mistake the client must hear about
        as("partner1").header("Idempotency-Key", key).body(offeringJson(ASCEND_FACILITY, ASCEND_MODEL, "99.00", "700"))
                .post("/api/partners/me/offerings").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo(TYPES + "idempotency-key-reused"));
        assertEquals(before + 1, mine().size());

        // keys are the partner's own: another partner's same key is another request
        as("partner2").header("Idempotency-Key", key).body(offeringJson(Fixtures.GPU_FACILITY, "L40S", "6.00", "10"))
                .post("/api/partners/me/offerings").then().statusCode(201).body("id", not(equalTo(first)));
    }

    @Test
    void problemsSpeakChineseWhenTheReaderAsksForIt() {
        String id = as("partner1").body(offeringJson(ASCEND_FACILITY, ASCEND_MODEL, "11.00", "10"))
                .post("/api/partners/me/offerings").then().statusCode(201).extract().path("id");

        as("partner2").header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8").get("/api/offerings/" + id)
                .then().statusCode(404).contentType(PROBLEM).header("Content-Language", "zh-CN")
                .body("type", equalTo(TYPES + "not-found")).body("title", equalTo("未找到"))
                .body("detail", equalTo("算力产品“" + id + "”不存在或不属于您"));
        as("partner2").header("Accept-Language", "zh").get("/api/offerings/" + id)
                .then().statusCode(404).body("title", equalTo("未找到"));
        // English otherwise: by default, and when English comes first
        as("partner2").get("/api/offerings/" + id).then().statusCode(404)
                .body("title", equalTo("Offering not found"))
                .body("detail", equalTo("Offering '" + id + "' does not exist or is not yours"));
        as("partner2").header("Accept-Language", "en-US,zh-CN;q=0.5").get("/api/offerings/" + id)
                .then().statusCode(404).body("title", equalTo("Offering not found"));

        // a business refusal: the title in Chinese
        as("partner1").header("Accept-Language", "zh-CN").post("/api/partners/me/offerings/" + id + "/withdraw")
                .then().statusCode(200);
        as("partner1").header("Accept-Language", "zh-CN").post("/api/partners/me/offerings/" + id + "/publish")
                .then().statusCode(409).contentType(PROBLEM).body("title", equalTo("算力产品的状态不允许此操作"));
    }

    private static List<Object> mine() {
        Response r = as("partner1").get("/api/partners/me/offerings");
        return r.then().statusCode(200).extract().jsonPath().getList("id");
    }
}
