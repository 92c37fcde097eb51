package org.suanli.voucher.clawback;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suanli.voucher.Api;
import org.suanli.voucher.Contracts;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.suanli.voucher.Contracts.figure;
import static org.suanli.voucher.Contracts.usage;

/**
 * The finance bureau claws back (追回) part or all of a redeemed subsidy, with a reason and the evidence:
 * redeemed goes down, recovered up, what is left of the budget stays (recovered money goes to the
 * treasury), the buyer's cap usage goes down, and never more than was redeemed. Each test has its own
 * program year.
 */
@QuarkusTest
class ClawbackTest {

    static final String BUYER = "ent-claw-big";

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void buyer() {
        Api.registerBuyer(BUYER, "91330106MA2B0CB001", "ENTERPRISE", false, false, null);
    }

    /** 1,000,000.00 CNY of domestic compute at 30%: 300,000.00 redeemed after review and approval. */
    static String redeemedLargeContract(int year) {
        Contracts.budget("SUANLI", year, "10000000.00");
        String order = "ord-" + UUID.randomUUID();
        Contracts.placed(order, BUYER, 100_000_000L, LocalDate.of(year, 4, 1), "NONE");
        Contracts.delivered(order, 100_000_000L, "IN_REVIEW");
        Api.as("admin1").body("{}").post("/api/claims/" + order + "/review").then().statusCode(200);
        Api.as("finance1").body("{}").post("/api/claims/" + order + "/approve").then().statusCode(200);
        Contracts.awaitStatus(order, "REDEEMED");
        return order;
    }

    static io.restassured.response.ValidatableResponse clawBack(String order, String key, String suanli, String zhineng) {
        return Api.as("finance1").header("Idempotency-Key", key).body("""
                        {"suanli":"%s","zhineng":"%s","reason":"forged invoice","evidenceRef":"JC-2026-017 稽查报告"}"""
                        .formatted(suanli, zhineng))
                .post("/api/holds/" + order + "/clawbacks").then();
    }

    @Test
    void part_of_a_redeemed_subsidy_is_clawed_back_once_and_never_more_than_was_redeemed() {
        int year = 2051;
        String order = redeemedLargeContract(year);
        assertThat(figure(year, "SUANLI", "redeemed")).isEqualTo("300000.00");
        assertThat(figure(year, "SUANLI", "remaining")).isEqualTo("9700000.00");

        String key = "cb-" + UUID.randomUUID();
        clawBack(order, key, "120000.00", "0.00").statusCode(201)
                .body("id", equalTo(key)).body("suanli", equalTo("120000.00")).body("by", equalTo("finance1"))
                .body("suanliLeft", equalTo("180000.00"));
        // Redeemed 300,000.00 − 120,000.00 = 180,000.00; recovered 120,000.00; remaining unchanged.
        assertThat(figure(year, "SUANLI", "redeemed")).isEqualTo("180000.00");
        assertThat(figure(year, "SUANLI", "recovered")).isEqualTo("120000.00");
        assertThat(figure(year, "SUANLI", "remaining")).isEqualTo("9700000.00");
        // The buyer's cap usage: 300,000.00 − 120,000.00.
        assertThat(usage(year, BUYER, "suanliRedeemed")).isEqualTo("180000.00");
        assertThat(usage(year, BUYER, "capRemaining")).isEqualTo("7820000.00");
        Api.as("admin1").get("/api/holds/" + order).then().body("suanliRedeemed", equalTo("300000.00"))
                .body("suanliRecovered", equalTo("120000.00"));
        Api.as("finance1").get("/api/redemptions?year=" + year).then()
                .body("find { it.orderId == '" + order + "' }.suanliRecovered", equalTo("120000.00"));
        Api.as("finance1").get("/api/ledger?orderId=" + order).then()
                .body("kind", contains("HOLD", "REDEEM", "CLAWBACK")).body("amount", contains("300000.00", "300000.00", "120000.00"));
        Api.as("finance1").get("/api/audit?limit=20").then()
                .body("find { it.action == 'SUBSIDY_CLAWED_BACK' && it.subject == 'order:" + order + "' }.actor", equalTo("finance1"))
                .body("find { it.action == 'SUBSIDY_CLAWED_BACK' && it.subject == 'order:" + order + "' }.reason", equalTo("forged invoice"))
                .body("find { it.action == 'SUBSIDY_CLAWED_BACK' && it.subject == 'order:" + order + "' }.detail",
                        containsString("JC-2026-017"));
        Contracts.Recorded event = Contracts.events(db, order).get(Contracts.events(db, order).size() - 1);
        assertThat(event.type()).isEqualTo("SubsidyClawedBack");
        assertThat(event.payload().path("suanliFen").asLong()).isEqualTo(12_000_000L);
        assertThat(event.payload().path("zhinengFen").asLong()).isZero();
        assertThat(event.payload().path("partnerId").asText()).isEqualTo("ptn-hz-ascend");
        assertThat(event.payload().path("programYear").asInt()).isEqualTo(year);
        assertThat(event.payload().path("by").asText()).isEqualTo("finance1");
        assertThat(event.payload().path("evidenceRef").asText()).isEqualTo("JC-2026-017 稽查报告");

        // The same key again: the same clawback, nothing changes.
        clawBack(order, key, "120000.00", "0.00").statusCode(200).body("id", equalTo(key));
        // The same key with other figures: a conflict.
        clawBack(order, key, "100000.00", "0.00").statusCode(409)
                .body("type", equalTo("https://suanli.market/problems/idempotency-key-reused"));
        // 200,000.00 more is more than the 180,000.00 left: refused, nothing changes.
        clawBack(order, "cb-" + UUID.randomUUID(), "200000.00", "0.00").statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://suanli.market/problems/clawback-exceeds-redeemed"))
                .body("detail", containsString("180000.00"));
        assertThat(figure(year, "SUANLI", "redeemed")).isEqualTo("180000.00");
        assertThat(figure(year, "SUANLI", "recovered")).isEqualTo("120000.00");
        assertThat(usage(year, BUYER, "suanliRedeemed")).isEqualTo("180000.00");
        assertThat(Contracts.eventTypes(db, order).stream().filter("SubsidyClawedBack"::equals)).hasSize(1);
        Api.as("finance1").get("/api/holds/" + order + "/clawbacks").then().body("$", hasSize(1));

        // The rest, 180,000.00: all of it recovered.
        clawBack(order, "cb-" + UUID.randomUUID(), "180000.00", "0.00").statusCode(201).body("suanliLeft", equalTo("0.00"));
        assertThat(figure(year, "SUANLI", "redeemed")).isEqualTo("0.00");
        assertThat(figure(year, "SUANLI", "recovered")).isEqualTo("300000.00");
        assertThat(figure(year, "SUANLI", "remaining")).isEqualTo("9700000.00");
        clawBack(order, "cb-" + UUID.randomUUID(), "0.01", "0.00").statusCode(422);
    }

    @Test
    void recovered_money_still_counts_against_the_budget_in_the_database_itself() throws SQLException {
        int year = 2052;
        String order = redeemedLargeContract(year);
        clawBack(order, "cb-" + UUID.randomUUID(), "120000.00", "0.00").statusCode(201);
        // held 0 + redeemed 180,000.00 + recovered 120,000.00: redeeming up to the budget must now fail.
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("update program_budget set redeemed_fen = budget_fen - recovered_fen + 1"
                    + " where program = 'SUANLI' and program_year = " + year))
                    .hasMessageContaining("budget_never_overspent");
        }
        // Nor can the budget be set below what was held, redeemed and recovered (300,000.00).
        Api.as("admin1").body("{\"budget\":\"299999.99\",\"reason\":\"cut\"}").put("/api/budgets/SUANLI/" + year)
                .then().statusCode(422);
        Api.as("admin1").body("{\"budget\":\"300000.00\",\"reason\":\"cut to what was spent\"}").put("/api/budgets/SUANLI/" + year)
                .then().statusCode(200).body("remaining", equalTo("0.00")).body("recovered", equalTo("120000.00"));
    }

    @Test
    void a_zhineng_clawback_leaves_the_buyers_suanli_cap_usage_alone() {
        int year = 2053;
        Contracts.budget("SUANLI", year, "1000000.00");
        Contracts.budget("ZHINENG", year, "1000000.00");
        String order = "ord-" + UUID.randomUUID();
        // 30,000.00 domestic, 智能券 applied for separately: 9,000.00 of each, redeemed at delivery (a small claim).
        Contracts.placed(order, BUYER, 3_000_000L, LocalDate.of(year, 5, 5), "SEPARATE_APPLICATION");
        Contracts.delivered(order, 3_000_000L, "REDEEMED");
        clawBack(order, "cb-" + UUID.randomUUID(), "0.00", "9000.00").statusCode(201)
                .body("suanliLeft", equalTo("9000.00")).body("zhinengLeft", equalTo("0.00"));
        assertThat(figure(year, "ZHINENG", "redeemed")).isEqualTo("0.00");
        assertThat(figure(year, "ZHINENG", "recovered")).isEqualTo("9000.00");
        assertThat(figure(year, "SUANLI", "redeemed")).isEqualTo("9000.00");
        assertThat(usage(year, BUYER, "suanliRedeemed")).isEqualTo("9000.00");
        clawBack(order, "cb-" + UUID.randomUUID(), "0.00", "0.01").statusCode(422);
    }

    @Test
    void only_finance_claws_back_with_a_key_a_reason_and_evidence_on_a_redeemed_subsidy() {
        int year = 2054;
        Contracts.budget("SUANLI", year, "1000000.00");
        String order = "ord-" + UUID.randomUUID();
        Contracts.placed(order, BUYER, 1_000_000L, LocalDate.of(year, 1, 10), "NONE");
        String body = """
                {"suanli":"100.00","reason":"related party","evidenceRef":"EV-1"}""";
        Api.as("admin1").header("Idempotency-Key", "k1").body(body).post("/api/holds/" + order + "/clawbacks").then().statusCode(403);
        Api.as("sme1").header("Idempotency-Key", "k1").body(body).post("/api/holds/" + order + "/clawbacks").then().statusCode(403);
        Api.anonymous().header("Idempotency-Key", "k1").body(body).post("/api/holds/" + order + "/clawbacks").then().statusCode(401);
        Api.as("finance1").body(body).post("/api/holds/" + order + "/clawbacks").then().statusCode(400)
                .body("type", equalTo("https://suanli.market/problems/idempotency-key-required"));
        // Held, not yet delivered: nothing was paid to take back.
        Api.as("finance1").header("Idempotency-Key", "k1").body(body).post("/api/holds/" + order + "/clawbacks").then().statusCode(409)
                .body("type", equalTo("https://suanli.market/problems/subsidy-not-redeemed"));
        Contracts.delivered(order, 1_000_000L, "REDEEMED");
        Api.as("finance1").header("Idempotency-Key", "k2").body("""
                {"suanli":"100.00","reason":"related party","evidenceRef":" "}""").post("/api/holds/" + order + "/clawbacks")
                .then().statusCode(400);
        Api.as("finance1").header("Idempotency-Key", "k2").body("""
                {"suanli":"0.00","zhineng":"0.00","reason":"related party","evidenceRef":"EV-1"}""").post("/api/holds/" + order + "/clawbacks")
                .then().statusCode(400);
        Api.as("finance1").header("Idempotency-Key", "k2").body("""
                {"suanli":"-5.00","reason":"related party","evidenceRef":"EV-1"}""").post("/api/holds/" + order + "/clawbacks")
                .then().statusCode(400);
        Api.as("finance1").header("Idempotency-Key", "k2").body(body).post("/api/holds/ord-nobody/clawbacks").then().statusCode(404);
        // After all that, the 3,000.00 redeemed are untouched.
        assertThat(figure(year, "SUANLI", "redeemed")).isEqualTo("3000.00");
        assertThat(figure(year, "SUANLI", "recovered")).isEqualTo("0.00");
        Api.as("finance1").get("/api/holds/" + order + "/clawbacks").then().body("$", hasSize(0));
    }
}
