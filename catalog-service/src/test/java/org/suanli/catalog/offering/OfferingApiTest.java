package org.suanli.catalog.offering;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suanli.catalog.Fixtures;
import org.suanli.catalog.capacity.CapacityLedger;
import org.suanli.kernel.events.Topics;
import org.suanli.testing.KafkaProbe;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.suanli.catalog.Api.PROBLEM;
import static org.suanli.catalog.Api.anonymous;
import static org.suanli.catalog.Api.as;
import static org.suanli.catalog.Api.forged;
import static org.suanli.catalog.Fixtures.ASCEND;
import static org.suanli.catalog.Fixtures.ASCEND_FACILITY;
import static org.suanli.catalog.Fixtures.ASCEND_MODEL;
import static org.suanli.catalog.Fixtures.GPU_FACILITY;
import static org.suanli.catalog.TestData.offeringJson;
import static org.suanli.catalog.TestData.with;

/** Partners manage their own offerings; order-service reads one with everything it needs. */
@QuarkusTest
class OfferingApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kernel.events.topic-prefix")
    String prefix;

    @Inject
    CapacityLedger ledger;

    @BeforeEach
    void partners() {
        Fixtures.partnersApproved();
    }

    @Test
    void aPartnerDraftsPublishesChangesAndWithdrawsAnOffering() {
        String id = as("partner1").body(offeringJson(ASCEND_FACILITY, ASCEND_MODEL, "11.50", "20000"))
                .post("/api/partners/me/offerings").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/offerings/off-"))
                .body("status", equalTo("DRAFT")).body("unitPrice", equalTo("11.50")).body("capacity", equalTo("20000.0"))
                .extract().path("id");

        as("partner1").post("/api/partners/me/offerings/" + id + "/publish").then().statusCode(200)
                .body("status", equalTo("PUBLISHED"));
        as("partner1").post("/api/partners/me/offerings/" + id + "/publish").then().statusCode(409).contentType(PROBLEM);

        as("partner1").body(offeringJson(ASCEND_FACILITY, ASCEND_MODEL, "10.80", "25000.5"))
                .put("/api/partners/me/offerings/" + id).then().statusCode(200)
                .body("unitPrice", equalTo("10.80")).body("capacity", equalTo("25000.5")).body("status", equalTo("PUBLISHED"));

        as("partner1").post("/api/partners/me/offerings/" + id + "/withdraw").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        // withdrawn is final
        as("partner1").body(offeringJson(ASCEND_FACILITY, ASCEND_MODEL, "9.00", "100"))
                .put("/api/partners/me/offerings/" + id).then().statusCode(409).contentType(PROBLEM);
        as("partner1").post("/api/partners/me/offerings/" + id + "/publish").then().statusCode(409).contentType(PROBLEM);

        List<ConsumerRecord<String, String>> events = KafkaProbe.readUntil(prefix + Topics.CATALOG, Duration.ofSeconds(30),
                recs -> types(recs, id).size() >= 3);
        assertEquals(List.of("OfferingPublished", "OfferingChanged", "OfferingWithdrawn"), types(events, id));
        JsonNode changed = events.stream().map(r -> read(r.value()))
                .filter(n -> id.equals(n.path("aggregateId").asText()) && "OfferingChanged".equals(n.path("type").asText()))
                .findFirst().orElseThrow();
        assertEquals(1080, changed.path("payload").path("unitPriceFen").asLong());
        assertEquals(250005, changed.path("payload").path("capacityTenths").asLong());
        assertEquals(ASCEND, changed.path("payload").path("partnerId").asText());
    }

    @Test
    void orderServiceReadsAnOfferingWithEverythingAnOrderNeeds() {
        Map<String, Object> body = with(with(offeringJson(ASCEND_FACILITY, ASCEND_MODEL, "14.00", "5000.0"),
                "category", "MODEL_SERVICE"), "filingNumber", "Zhejiang-QiantangZhisuan-20240618");
        String id = Fixtures.published("partner1", body);
        as("sme1").get("/api/offerings/" + id).then().statusCode(200)
                .body("id", equalTo(id))
                .body("partnerId", equalTo(ASCEND))
                .body("partnerName", equalTo("杭州城西昇腾智算有限公司"))
                .body("partnerCreditCode", equalTo("91330110MA2H4K7Q6F"))
                .body("partnerStatus", equalTo("APPROVED"))
                .body("facilityId", equalTo(ASCEND_FACILITY))
                .body("facilityName", equalTo("余杭昇腾智算中心"))
                .body("district", equalTo("余杭区"))
                .body("facilityType", equalTo("DOMESTIC"))
                .body("category", equalTo("MODEL_SERVICE"))
                .body("filingNumber", equalTo("Zhejiang-QiantangZhisuan-20240618"))
                .body("acceleratorModel", equalTo(ASCEND_MODEL))
                .body("unitPrice", equalTo("14.00"))
                .body("capacity", equalTo("5000.0"))
                .body("capacityLeft", equalTo("5000.0"))
                .body("validFrom", equalTo(Instant.parse((String) body.get("validFrom")).truncatedTo(ChronoUnit.SECONDS).toString()))
                .body("validTo", equalTo(Instant.parse((String) body.get("validTo")).truncatedTo(ChronoUnit.SECONDS).toString()))
                .body("status", equalTo("PUBLISHED"));
        as("partner1").get("/api/offerings/" + id).then().statusCode(200);
        as("admin1").get("/api/offerings/" + id).then().statusCode(200);
        as("finance1").get("/api/offerings/" + id).then().statusCode(200);
        as("partner2").get("/api/offerings/" + id).then().statusCode(404).contentType(PROBLEM);
        anonymous().get("/api/offerings/" + id).then().statusCode(401).contentType(PROBLEM);
        forged("sme", "ent-xihu-ai").get("/api/offerings/" + id).then().statusCode(401).contentType(PROBLEM);
        as("sme1").get("/api/offerings/off-nothing").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void nobodyElseSeesAPartnersDrafts() {
        String draft = as("partner1").body(offeringJson(ASCEND_FACILITY, ASCEND_MODEL, "12.00", "100"))
                .post("/api/partners/me/offerings").then().statusCode(201).extract().path("id");
        as("partner1").get("/api/offerings/" + draft).then().statusCode(200).body("status", equalTo("DRAFT"));
        as("partner1").get("/api/partners/me/offerings").then().statusCode(200).body("id", hasItem(draft));
        as("partner1").get("/api/partners/me/offerings?status=DRAFT").then().statusCode(200)
                .body("id", hasItem(draft)).body("status", everyItem(equalTo("DRAFT")));
        as("sme1").get("/api/offerings/" + draft).then().statusCode(404).contentType(PROBLEM);
        as("partner2").get("/api/offerings/" + draft).then().statusCode(404).contentType(PROBLEM);
        as("partner2").get("/api/partners/me/offerings").then().statusCode(200).body("id", not(hasItem(draft)));
        as("partner2").get("/api/partners/me/offerings/" + draft).then().statusCode(404).contentType(PROBLEM);
        as("admin1").get("/api/offerings/" + draft).then().statusCode(200);
        as("sme1").get("/api/offerings?size=100").then().statusCode(200).body("items.id", not(hasItem(draft)));
    }

    @Test
    void aPartnerCannotTouchAnotherPartnersOffering() {
        String theirs = Fixtures.published("partner2", offeringJson(GPU_FACILITY, "L40S", "6.80", "1000"));
        as("partner1").body(offeringJson(ASCEND_FACILITY, ASCEND_MODEL, "1.00", "1")).put("/api/partners/me/offerings/" + theirs)
                .then().statusCode(404).contentType(PROBLEM);
        as("partner1").post("/api/partners/me/offerings/" + theirs + "/withdraw").then().statusCode(404).contentType(PROBLEM);
        as("partner2").get("/api/offerings/" + theirs).then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("unitPrice", equalTo("6.80"));
    }

    @Test
    void onlyPartnersManageOfferings() {
        Map<String, Object> body = offeringJson(ASCEND_FACILITY, ASCEND_MODEL, "11.00", "100");
        as("sme1").body(body).post("/api/partners/me/offerings").then().statusCode(403).contentType(PROBLEM);
        as("admin1").body(body).post("/api/partners/me/offerings").then().statusCode(403).contentType(PROBLEM);
        anonymous().body(body).post("/api/partners/me/offerings").then().statusCode(401).contentType(PROBLEM);
        forged("partner", ASCEND).body(body).post("/api/partners/me/offerings").then().statusCode(401).contentType(PROBLEM);
        as("sme1").get("/api/partners/me/offerings").then().statusCode(403).contentType(PROBLEM);
        as("partner1").get("/api/partners/me/offerings").then().statusCode(200);
    }

    @Test
    void badOfferingsAreRefusedAndChangeNothing() {
        int before = mine();
        Map<String, Object> good = offeringJson(ASCEND_FACILITY, ASCEND_MODEL, "11.50", "1000");
        refused(with(good, "turboBoost", true), 400);
        refused(with(good, "unitPrice", "0"), 400);
        refused(with(good, "unitPrice", "0.00"), 400);
        refused(with(good, "unitPrice", "-11.50"), 400);
        refused(with(good, "unitPrice", "11.505"), 400);
        refused(with(good, "capacity", "0"), 400);
        refused(with(good, "capacity", "-100"), 400);
        refused(with(good, "capacity", "10.25"), 400);
        // implausible figures: the detail names the limit
        refused(with(good, "unitPrice", "9999999999.99"), 400, "at most 10000.00 CNY per GPU-hour");
        refused(with(good, "unitPrice", "10000.01"), 400, "at most 10000.00 CNY per GPU-hour");
        refused(with(with(good, "unitPrice", "99999999.99"), "capacity", "99999999.9"), 400, "at most 10000.00 CNY per GPU-hour");
        refused(with(good, "capacity", "99999999.9"), 400, "at most 10000000.0 GPU-hours");
        refused(with(good, "capacity", "10000000.1"), 400, "at most 10000000.0 GPU-hours");
        refused(with(good, "unitPrice", null), 400);
        refused(with(good, "category", "GPU_RENTAL"), 400);
        refused(with(good, "acceleratorsPerUnit", 0), 400);
        refused(with(good, "validTo", Instant.now().minus(Duration.ofDays(30)).toString()), 422);
        refused(with(good, "category", "MODEL_SERVICE"), 422);
        refused(with(good, "facilityId", GPU_FACILITY), 422);
        refused(with(good, "facilityId", "fac-nowhere"), 422);
        refused(with(good, "acceleratorModel", "H100 SXM5"), 422);
        as("partner1").contentType(ContentType.JSON).body("{\"facilityId\": ").post("/api/partners/me/offerings")
                .then().statusCode(400).contentType(PROBLEM);
        assertEquals(before, mine());
    }

    @Test
    void aRejectedChangeLeavesThePublishedOfferingAsItWas() {
        String id = Fixtures.published("partner1", offeringJson(ASCEND_FACILITY, ASCEND_MODEL, "12.50", "100"));
        ledger.reserve(TestOrders.id(), id, 600, null);
        // cannot shrink below what orders hold
        as("partner1").body(offeringJson(ASCEND_FACILITY, ASCEND_MODEL, "12.50", "50")).put("/api/partners/me/offerings/" + id)
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://suanli.market/problems/capacity-below-committed"));
        // cannot move a published offering to another category
        as("partner1").body(with(with(offeringJson(ASCEND_FACILITY, ASCEND_MODEL, "12.50", "100"), "category", "MODEL_SERVICE"),
                        "filingNumber", "Zhejiang-X-20240101")).put("/api/partners/me/offerings/" + id)
                .then().statusCode(422).contentType(PROBLEM);
        as("partner1").body(offeringJson(ASCEND_FACILITY, ASCEND_MODEL, "-1", "100")).put("/api/partners/me/offerings/" + id)
                .then().statusCode(400).contentType(PROBLEM);
        // nor to an implausible price or capacity
        as("partner1").body(offeringJson(ASCEND_FACILITY, ASCEND_MODEL, "9999999999.99", "100")).put("/api/partners/me/offerings/" + id)
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("at most 10000.00 CNY per GPU-hour"));
        as("partner1").body(offeringJson(ASCEND_FACILITY, ASCEND_MODEL, "12.50", "99999999.9")).put("/api/partners/me/offerings/" + id)
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("at most 10000000.0 GPU-hours"));
        as("partner1").get("/api/offerings/" + id).then().statusCode(200)
                .body("unitPrice", equalTo("12.50")).body("capacity", equalTo("100.0"))
                .body("capacityReserved", equalTo("60.0")).body("capacityLeft", equalTo("40.0"))
                .body("category", equalTo("COMPUTE"));
        // shrinking down to exactly what orders hold is fine, and the reservation made meanwhile is kept
        as("partner1").body(offeringJson(ASCEND_FACILITY, ASCEND_MODEL, "12.50", "60")).put("/api/partners/me/offerings/" + id)
                .then().statusCode(200).body("capacityLeft", equalTo("0.0")).body("capacityReserved", equalTo("60.0"));
    }

    private static void refused(Map<String, Object> body, int status, String detail) {
        given().header("Authorization", org.suanli.testing.Tokens.bearer("partner1")).contentType(ContentType.JSON)
                .body(body).post("/api/partners/me/offerings")
                .then().statusCode(status).contentType(PROBLEM).body("status", equalTo(status)).body("detail", containsString(detail));
    }

    private static void refused(Map<String, Object> body, int status) {
        given().header("Authorization", org.suanli.testing.Tokens.bearer("partner1")).contentType(ContentType.JSON)
                .body(body).post("/api/partners/me/offerings")
                .then().statusCode(status).contentType(PROBLEM).body("status", equalTo(status)).body("detail", not(nullValue()));
    }

    private static int mine() {
        return as("partner1").get("/api/partners/me/offerings").then().statusCode(200).extract().path("size()");
    }

    static List<String> types(List<ConsumerRecord<String, String>> records, String aggregate) {
        return records.stream().map(r -> read(r.value())).filter(n -> aggregate.equals(n.path("aggregateId").asText()))
                .map(n -> n.path("type").asText()).toList();
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Order ids for tests that reserve directly. */
    static final class TestOrders {
        static String id() {
            return "ord-" + java.util.UUID.randomUUID();
        }
    }
}
