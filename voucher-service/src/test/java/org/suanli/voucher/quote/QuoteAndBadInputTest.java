package org.suanli.voucher.quote;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suanli.voucher.Api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Quotes as a buyer sees them, and every kind of bad input refused with problem+json, changing nothing. */
@QuarkusTest
class QuoteAndBadInputTest {

    @BeforeEach
    void buyer() {
        // sme1's enterprise: an SME.
        Api.registerBuyer("ent-xihu-ai", "91330106MA2B0XH001", "ENTERPRISE", true, false, null);
    }

    @Test
    void a_buyer_sees_its_subsidy_before_ordering_and_nothing_is_held() {
        String before = Api.as("finance1").get("/api/budgets?year=2026").asString();
        // 20,000.00 CNY of domestic compute, SME with nothing declared: 50% → 10,000.00, pays 10,000.00.
        Api.as("sme1").body("""
                        {"contractDate":"2026-11-20","item":{"category":"COMPUTE","facilityType":"DOMESTIC","amount":"20000.00"}}""")
                .post("/api/quotes").then().statusCode(200)
                .body("policy", equalTo("HZ-2025")).body("suanliRate", equalTo("0.50"))
                .body("suanliGranted", equalTo("10000.00")).body("buyerPays", equalTo("10000.00"))
                .body("reasons", contains("SME_BOOST"));
        // From an unapproved partner nothing is granted, and the reason says why.
        Api.as("sme1").body("""
                        {"contractDate":"2026-11-20","items":[{"ref":"a","category":"COMPUTE","facilityType":"OTHER","amount":"100.00",
                          "partnerApproved":false}]}""")
                .post("/api/quotes/batch").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].suanliGranted", equalTo("0.00"))
                .body("items[0].reasons", contains("PARTNER_NOT_APPROVED"));
        Api.as("finance1").get("/api/budgets?year=2026").then().body(equalTo(before));
    }

    @Test
    void a_buyer_cannot_quote_for_another_buyer() {
        Api.as("sme1").body("""
                        {"contractDate":"2026-11-20","item":{"category":"COMPUTE","facilityType":"DOMESTIC","amount":"20000.00"}}""")
                .post("/api/quotes?buyerId=ent-qiantang-bio").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void malformed_quotes_are_refused() {
        String[] bad = {
                """
                {"item":{"category":"COMPUTE","facilityType":"DOMESTIC","amount":"100.001"}}""",
                """
                {"item":{"category":"GPU","facilityType":"DOMESTIC","amount":"100.00"}}""",
                """
                {"contractDate":"2026-13-01","item":{"category":"COMPUTE","facilityType":"DOMESTIC","amount":"100.00"}}""",
                """
                {"item":{"category":"COMPUTE","facilityType":"DOMESTIC","amount":"999999999999999.00"}}""",
                """
                {"item":{"category":"COMPUTE","facilityType":"DOMESTIC","amount":"-5.00"}}""",
                """
                {"item":{"category":"COMPUTE","facilityType":"DOMESTIC","amount":"0.00"}}""",
                """
                {"item":{"category":"COMPUTE","facilityType":"DOMESTIC","amount":"1.00","discount":"yes"}}""",
        };
        for (String body : bad) {
            Api.as("sme1").body(body).post("/api/quotes").then().statusCode(400).contentType("application/problem+json");
        }
    }

    @Test
    void budgets_refuse_unknown_programs_bad_amounts_and_cuts_below_what_is_committed() {
        String before = Api.as("finance1").get("/api/budgets?year=2026").asString();
        Api.as("admin1").body("{\"budget\":\"100.00\",\"reason\":\"x\"}").put("/api/budgets/GOLD/2026").then().statusCode(404);
        Api.as("admin1").body("{\"budget\":\"1.234\",\"reason\":\"x\"}").put("/api/budgets/SUANLI/2026").then().statusCode(400);
        Api.as("admin1").body("{\"budget\":\"100.00\"}").put("/api/budgets/SUANLI/2026").then().statusCode(400);
        Api.as("sme1").body("{\"budget\":\"100.00\",\"reason\":\"x\"}").put("/api/budgets/SUANLI/2026").then().statusCode(403);
        // the field named is the one sent, a year that is not a number is a 400 naming it, and the year range is
        // the same as reconciliation's (2000 to 2100)
        Api.as("admin1").body("{\"budget\":\"1.234\",\"reason\":\"x\"}").put("/api/budgets/SUANLI/2026").then()
                .body("detail", org.hamcrest.Matchers.startsWith("budget '1.234' must be"));
        Api.as("admin1").body("{\"budget\":\"100.00\",\"reason\":\"x\"}").put("/api/budgets/SUANLI/abc").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("parameter 'year' must be a year of four digits, e.g. 2026, not 'abc'"));
        Api.as("admin1").body("{\"budget\":\"100.00\",\"reason\":\"x\"}").put("/api/budgets/SUANLI/2101").then().statusCode(400)
                .body("detail", equalTo("parameter 'year': year 2101 is outside the years the marketplace accepts (2000 to 2100)"));
        Api.as("finance1").get("/api/budgets/abc/buyers").then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("parameter 'year'"));
        Api.as("admin1").body("{\"budget\":\"100.00\",\"reason\":\"x\"}").put("/api/budgets/GOLD/2026").then()
                .body("detail", org.hamcrest.Matchers.endsWith("the programs are SUANLI, ZHINENG"));
        Api.as("finance1").get("/api/budgets?year=2026").then().body(equalTo(before));
    }

    @Test
    void a_second_hold_for_the_same_order_with_other_figures_is_a_conflict() {
        String hold = """
                {"orderId":"ord-manual-1","buyerId":"ent-xihu-ai","category":"COMPUTE","facilityType":"DOMESTIC",
                 "amount":"%s","contractDate":"2026-11-20"}""";
        Api.as("admin1").body(hold.formatted("1000.00")).post("/api/holds").then().statusCode(org.hamcrest.Matchers.anyOf(
                equalTo(201), equalTo(200)));
        Api.as("admin1").body(hold.formatted("1000.00")).post("/api/holds").then().statusCode(200);
        Api.as("admin1").body(hold.formatted("2000.00")).post("/api/holds").then().statusCode(409)
                .contentType("application/problem+json");
        Api.as("admin1").get("/api/holds/ord-manual-1").then().body("estimatedAmount", equalTo("1000.00"));
    }

    @Test
    void policy_versions_are_data_added_for_the_future_and_the_past_is_never_edited() throws Exception {
        Api.as("sme1").get("/api/policies").then().statusCode(200).body("code", org.hamcrest.Matchers.hasItems("HZ-2023", "HZ-2025"));
        Object hz2025 = Api.as("admin1").get("/api/policies").then().extract().jsonPath()
                .getMap("find { it.code == 'HZ-2025' }.parameters");
        String parameters = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(hz2025);
        String version = """
                {"code":"%s","effectiveFrom":"%s","reason":"%s","parameters":%s}""";

        // Effective in the past: refused, decisions already taken must stay explainable by what was in force.
        Api.as("admin1").body(version.formatted("HZ-2024X", "2024-01-01", "retroactive", parameters))
                .post("/api/policies").then().statusCode(422).contentType("application/problem+json");
        // Parameters that would silently mean "no cap": refused.
        Api.as("admin1").body(version.formatted("HZ-2099", "2099-01-01", "typo", "{\"suanli\":{}}"))
                .post("/api/policies").then().statusCode(400);
        Api.as("sme1").body(version.formatted("HZ-2099", "2099-01-01", "mine", parameters))
                .post("/api/policies").then().statusCode(403);
        Api.as("admin1").get("/api/policies").then().body("code", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("HZ-2099")));

        // A future version is added without touching the past, and the audit trail says who and why.
        Api.as("admin1").body(version.formatted("HZ-2099", "2099-01-01", "the 2099 measures", parameters))
                .post("/api/policies").then().statusCode(201).body("code", equalTo("HZ-2099"));
        Api.as("admin1").get("/api/policies").then().body("code", org.hamcrest.Matchers.hasItems("HZ-2023", "HZ-2025", "HZ-2099"));
        Api.as("finance1").get("/api/audit").then()
                .body("find { it.subject == 'policy:HZ-2099' }.reason", equalTo("the 2099 measures"));
    }
}
