package org.suanli.voucher.whatif;

import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suanli.testing.Requests;
import org.suanli.voucher.Api;
import org.suanli.voucher.policy.SeededPolicies;

/**
 * The finance bureau asks what a policy change would have done to a year's contracts, and nothing live
 * moves. The year 2027 is this test's own. Three contracts, held through the API under HZ-2025:
 * <pre>
 * w1 2027-03-01 big enterprise, compute on OTHER,    1,000,000.00 at 20% = 200,000.00
 * w2 2027-04-01 SME,            compute on DOMESTIC,   100,000.00 at 50% =  50,000.00
 * w3 2027-08-01 big enterprise, compute on DOMESTIC,   500,000.00 at 30% = 150,000.00   (算力券 400,000.00)
 * </pre>
 */
@QuarkusTest
class WhatIfApiTest {

    static final String BIG = "ent-whatif-big";
    static final String SME = "ent-whatif-sme";

    @BeforeEach
    void aYearOfContracts() {
        Api.registerBuyer(BIG, "91330106MA2WHATF01", "ENTERPRISE", false, false, null);
        Api.registerBuyer(SME, "91330106MA2WHATF02", "ENTERPRISE", true, false, null);
        hold("w1", BIG, "OTHER", "1000000.00", "2027-03-01");
        hold("w2", SME, "DOMESTIC", "100000.00", "2027-04-01");
        hold("w3", BIG, "DOMESTIC", "500000.00", "2027-08-01");
    }

    @Test
    void what_if_compute_earned_twenty_percent_from_july() {
        String before = Api.as("finance1").get("/api/budgets?year=2027").asString();
        // From 2027-07-01 compute earns 20% on either facility: w3 500,000.00 x 20% = 100,000.00 instead of
        // 150,000.00; w1 and w2 are dated before July and keep theirs. 350,000.00 in all, 50,000.00 less.
        Api.as("finance1").body("""
                        {"year":2027,"effectiveFrom":"2027-07-01","parameters":%s}""".formatted(twentyPercentOnCompute()))
                .post("/api/what-if").then().statusCode(200)
                .body("contracts", equalTo(3))
                .body("programs.find { it.program == 'SUANLI' }.live", equalTo("400000.00"))
                .body("programs.find { it.program == 'SUANLI' }.replayed", equalTo("350000.00"))
                .body("programs.find { it.program == 'SUANLI' }.difference", equalTo("-50000.00"))
                .body("byTier.find { it.key == '0.20' }.replayed", equalTo("300000.00"))
                .body("byTier.find { it.key == '0.20' }.replayedContracts", equalTo(2))
                .body("loseMost[0].buyerId", equalTo(BIG))
                .body("loseMost[0].difference", equalTo("-50000.00"))
                .body("gainMost.size()", equalTo(0));

        // A question, not a change: the live budgets and holds are as they were.
        Api.as("finance1").get("/api/budgets?year=2027").then().body(equalTo(before));
        Api.as("admin1").get("/api/holds/w3").then().body("suanliHeld", equalTo("150000.00"));
    }

    @Test
    void a_smaller_budget_runs_out_on_the_day_a_grant_is_first_cut() {
        // 300,000.00 for 2027 under HZ-2025 itself: w1 and w2 leave 50,000.00, which is all w3 gets on 2027-08-01.
        Api.as("admin1").body("""
                        {"year":2027,"policy":"HZ-2025","suanliBudget":"300000.00"}""")
                .post("/api/what-if").then().statusCode(200)
                .body("programs.find { it.program == 'SUANLI' }.replayed", equalTo("300000.00"))
                .body("runOut.find { it.program == 'SUANLI' && it.year == 2027 }.replayedRunOut", equalTo("2027-08-01"))
                .body("runOut.find { it.program == 'SUANLI' && it.year == 2027 }.liveRunOut", equalTo(null))
                .body("runOut.find { it.program == 'SUANLI' && it.year == 2027 }.left", equalTo("0.00"));
    }

    @Test
    void only_the_program_office_and_the_finance_bureau_may_ask() {
        String question = """
                {"year":2027,"policy":"HZ-2025"}""";
        Api.as("sme1").body(question).post("/api/what-if").then().statusCode(403);
        Api.as("partner1").body(question).post("/api/what-if").then().statusCode(403);
        Api.anonymous().body(question).post("/api/what-if").then().statusCode(401);
        Requests.forged("finance", "ent-xihu-ai").body(question).post("/api/what-if").then().statusCode(401);
    }

    @Test
    void a_question_that_cannot_be_answered_says_why() {
        problem(400, """
                {"year":2027}""");                                                    // no alternative
        problem(400, """
                {"year":2027,"policy":"HZ-2025","parameters":{}}""");                 // two alternatives
        problem(400, """
                {"from":"2027-05-01","to":"2027-04-30","policy":"HZ-2025"}""");       // ends before it starts
        problem(400, """
                {"from":"2027-01-01","to":"2030-01-01","policy":"HZ-2025"}""");       // four program years
        problem(400, """
                {"year":2027,"parameters":{"suanli":{}}}""");                         // a draft that would mean "no cap"
        problem(400, """
                {"year":2027,"policy":"HZ-2025","suanliBudget":"-1.00"}""");
        problem(400, """
                {"year":2027,"policy":"HZ-2025","effectiveFrom":"2028-01-01"}""");    // outside the year
        problem(404, """
                {"year":2027,"policy":"HZ-1999"}""");
    }

    private static void problem(int status, String body) {
        Api.as("finance1").body(body).post("/api/what-if").then().statusCode(status)
                .contentType("application/problem+json");
    }

    private static void hold(String order, String buyer, String facility, String amount, String date) {
        int status = Api.as("admin1").body("""
                        {"orderId":"%s","buyerId":"%s","partnerId":"ptn-whatif","category":"COMPUTE","facilityType":"%s",
                         "amount":"%s","contractDate":"%s"}""".formatted(order, buyer, facility, amount, date))
                .post("/api/holds").then().extract().statusCode();
        if (status != 201 && status != 200) {
            throw new IllegalStateException("hold " + order + " answered " + status);
        }
    }

    private static String twentyPercentOnCompute() {
        return SeededPolicies.hz2025WithComputeRates("{\"flatBp\": 2000, \"byFacilityBp\": null}");
    }
}
