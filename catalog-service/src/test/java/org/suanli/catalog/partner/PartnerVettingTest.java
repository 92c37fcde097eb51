package org.suanli.catalog.partner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.suanli.catalog.Fixtures;
import org.suanli.kernel.events.contract.CatalogEvents;
import org.suanli.testing.KafkaProbe;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.suanli.catalog.Api.PROBLEM;
import static org.suanli.catalog.Api.anonymous;
import static org.suanli.catalog.Api.as;
import static org.suanli.catalog.Api.forged;

/**
 * A compute centre applies, the bureau vets it (approve with facility types and facts, reject, suspend,
 * reinstate), every step with a reason and kept in the history; approvals and suspensions leave as events.
 * partner3 (ptn-xiaoshan-new) is this test's own.
 */
@QuarkusTest
class PartnerVettingTest {

    private static final String ID = "ptn-xiaoshan-new";
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kernel.events.topic-prefix")
    String prefix;

    private static Map<String, Object> application(String district) {
        return Map.of("name", "杭州萧山新智算科技有限公司", "creditCode", "91330109MACD3JY503",
                "facilities", List.of(Map.of("id", "fac-t-xiaoshan-1", "name", "萧山海光智算中心", "district", district,
                        "pue", 1.24, "accelerators", List.of(Map.of("model", "Hygon DCU K100", "count", 256)))),
                "legalRepresentative", "陈立新", "address", "杭州市萧山区建设三路 88 号", "contact", "0571-8288 6600");
    }

    private static Map<String, Object> approval(boolean secure) {
        return Map.of("reason", "site visit 2026-11-20: PUE measured, domestic DCU", "facilities",
                List.of(Map.of("facilityId", "fac-t-xiaoshan-1", "type", "DOMESTIC", "checkedPue", 1.26,
                        "secureAndControllable", secure, "pricingReasonable", true, "note", "海光 DCU, 信创")));
    }

    @Test
    void aPartnerIsVettedStepByStepAndTheHistoryKeepsEveryStep() {
        // a bad application changes nothing
        as("partner3").body(application("浦东新区")).put("/api/partners/me")
                .then().statusCode(400).contentType(PROBLEM);
        Map<String, Object> longAddress = new java.util.HashMap<>(application("萧山区"));
        longAddress.put("address", "萧".repeat(301));
        as("partner3").body(longAddress).put("/api/partners/me").then().statusCode(400).contentType(PROBLEM);
        as("partner3").get("/api/partners/me").then().statusCode(404).contentType(PROBLEM);

        as("partner3").body(application("萧山区")).put("/api/partners/me")
                .then().statusCode(200).body("id", equalTo(ID)).body("status", equalTo("PENDING"))
                .body("facilities[0].type", nullValue()).body("facilities[0].district", equalTo("萧山区"));

        // a pending partner cannot offer anything yet
        as("partner3").body(org.suanli.catalog.TestData.offeringJson("fac-t-xiaoshan-1", "Hygon DCU K100", "9.00", "100"))
                .post("/api/partners/me/offerings").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://suanli.market/problems/partner-not-approved"));

        as("admin1").body(Map.of("reason", "PUE figures missing")).post("/api/partners/" + ID + "/reject")
                .then().statusCode(200).body("status", equalTo("REJECTED"));
        // a rejected partner corrects and applies again
        as("partner3").body(application("萧山区")).put("/api/partners/me").then().statusCode(200).body("status", equalTo("PENDING"));

        // a facility that failed the security check is not approved; nothing changes
        as("admin1").body(approval(false)).post("/api/partners/" + ID + "/approve")
                .then().statusCode(422).contentType(PROBLEM);
        as("admin1").get("/api/partners/" + ID).then().statusCode(200).body("status", equalTo("PENDING"))
                .body("facilities[0].type", nullValue());
        // a decision without a reason is refused
        as("admin1").body(Map.of("reason", " ")).post("/api/partners/" + ID + "/reject").then().statusCode(400).contentType(PROBLEM);

        as("admin1").body(approval(true)).post("/api/partners/" + ID + "/approve")
                .then().statusCode(200).body("status", equalTo("APPROVED"))
                .body("facilities[0].type", equalTo("DOMESTIC"))
                .body("facilities[0].vetting.checkedPue", equalTo(1.26f))
                .body("facilities[0].vetting.secureAndControllable", equalTo(true))
                .body("facilities[0].vetting.vettedBy", equalTo("admin1"));
        // approving twice is a conflict, applying again too
        as("admin1").body(approval(true)).post("/api/partners/" + ID + "/approve").then().statusCode(409).contentType(PROBLEM);
        as("partner3").body(application("萧山区")).put("/api/partners/me").then().statusCode(409).contentType(PROBLEM);

        as("admin1").body(Map.of("reason", "PUE above contract for two quarters")).post("/api/partners/" + ID + "/suspend")
                .then().statusCode(200).body("status", equalTo("SUSPENDED"));
        as("admin1").body(Map.of("reason", "cooling retrofit verified")).post("/api/partners/" + ID + "/reinstate")
                .then().statusCode(200).body("status", equalTo("APPROVED"));

        as("partner3").get("/api/partners/me").then().statusCode(200)
                .body("history.to", contains("PENDING", "REJECTED", "PENDING", "APPROVED", "SUSPENDED", "APPROVED"))
                .body("history.reason", hasItem("PUE above contract for two quarters"))
                .body("history[1].actor", equalTo("admin1"));

        List<ConsumerRecord<String, String>> events = KafkaProbe.readUntil(prefix + CatalogEvents.PARTNERS_TOPIC,
                Duration.ofSeconds(30), recs -> types(recs, ID).size() >= 3);
        assertEquals(List.of("PartnerApproved", "PartnerSuspended", "PartnerApproved"), types(events, ID));
        JsonNode suspended = events.stream().map(r -> read(r.value()))
                .filter(n -> ID.equals(n.path("aggregateId").asText()) && "PartnerSuspended".equals(n.path("type").asText()))
                .findFirst().orElseThrow();
        assertEquals(ID, suspended.path("aggregateId").asText());
        assertEquals("SUSPENDED", suspended.path("payload").path("status").asText());
        assertEquals("PUE above contract for two quarters", suspended.path("payload").path("reason").asText());
        assertEquals(3, events.stream().filter(r -> ID.equals(r.key())).count(), "keyed by partner id");
        // The approval announces the partner's particulars (voucher-service compares them with its buyers').
        JsonNode approved = events.stream().map(r -> read(r.value()))
                .filter(n -> ID.equals(n.path("aggregateId").asText()) && "PartnerApproved".equals(n.path("type").asText()))
                .findFirst().orElseThrow().path("payload");
        assertEquals("91330109MACD3JY503", approved.path("creditCode").asText());
        assertEquals("陈立新", approved.path("legalRepresentative").asText());
        assertEquals("杭州市萧山区建设三路 88 号", approved.path("address").asText());
        assertEquals("0571-8288 6600", approved.path("contact").asText());
        as("admin1").get("/api/partners/" + ID).then().body("legalRepresentative", equalTo("陈立新"))
                .body("contact", equalTo("0571-8288 6600"));
    }

    @Test
    void onlyTheBureauVetsAndOnlyOfficialsListPartners() {
        Fixtures.partnersApproved();
        as("admin1").get("/api/partners").then().statusCode(200).body("id", hasItem(Fixtures.ASCEND));
        as("finance1").get("/api/partners?status=APPROVED").then().statusCode(200).body("id", hasItem(Fixtures.GPU));
        as("admin1").get("/api/partners?status=NOPE").then().statusCode(400).contentType(PROBLEM);
        as("sme1").get("/api/partners").then().statusCode(403).contentType(PROBLEM);
        as("partner1").get("/api/partners").then().statusCode(403).contentType(PROBLEM);
        anonymous().get("/api/partners").then().statusCode(401).contentType(PROBLEM);
        forged("admin", "x").get("/api/partners").then().statusCode(401).contentType(PROBLEM);

        as("partner1").body(Map.of("reason", "self-service")).post("/api/partners/" + Fixtures.GPU + "/suspend")
                .then().statusCode(403).contentType(PROBLEM);
        as("finance1").body(Map.of("reason", "x")).post("/api/partners/" + Fixtures.GPU + "/suspend")
                .then().statusCode(403).contentType(PROBLEM);
        forged("admin", "x").body(Map.of("reason", "x")).post("/api/partners/" + Fixtures.GPU + "/suspend")
                .then().statusCode(401).contentType(PROBLEM);
        as("admin1").get("/api/partners/" + Fixtures.GPU).then().statusCode(200).body("status", equalTo("APPROVED"));
        as("admin1").body(Map.of("reason", "x")).post("/api/partners/ptn-nobody/suspend").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aPartnerSeesItselfButNotOthers() {
        Fixtures.partnersApproved();
        as("partner1").get("/api/partners/" + Fixtures.ASCEND).then().statusCode(200).body("creditCode", equalTo("91330110MA2H4K7Q6F"));
        as("partner1").get("/api/partners/" + Fixtures.GPU).then().statusCode(404).contentType(PROBLEM);
        as("sme1").get("/api/partners/" + Fixtures.GPU).then().statusCode(403).contentType(PROBLEM);
        as("sme1").get("/api/partners/me").then().statusCode(403).contentType(PROBLEM);
        anonymous().get("/api/partners/me").then().statusCode(401).contentType(PROBLEM);
        forged("partner", Fixtures.ASCEND).get("/api/partners/me").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void anApplicationWithUnknownFieldsOrABadCreditCodeIsRefused() {
        Map<String, Object> withUnknown = new java.util.HashMap<>(application("萧山区"));
        withUnknown.put("rating", "AAA");
        // partner1 is approved; the body is checked before the status: 400, not 409
        as("partner1").body(withUnknown).put("/api/partners/me").then().statusCode(400).contentType(PROBLEM);
        Map<String, Object> badCode = new java.util.HashMap<>(application("萧山区"));
        badCode.put("creditCode", "91330109MACD3JY50O");
        as("partner1").body(badCode).put("/api/partners/me").then().statusCode(400).contentType(PROBLEM);
    }

    private static List<String> types(List<ConsumerRecord<String, String>> records, String aggregate) {
        return records.stream().map(r -> read(r.value())).filter(n -> aggregate.equals(n.path("aggregateId").asText()))
                .map(n -> n.path("type").asText()).toList();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
