package org.suanli.voucher.review;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suanli.kernel.problem.ProblemException;
import org.suanli.voucher.Api;
import org.suanli.voucher.Contracts;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.suanli.voucher.Contracts.figure;
import static org.suanli.voucher.Contracts.usage;

/**
 * Claims on contracts above 500,000.00 CNY (voucher.review.threshold) are not payable at delivery: they wait
 * for the program office's review (admin) and the finance bureau's approval (finance), two different people.
 * Each test has its own program year, so its figures are exactly its own.
 */
@QuarkusTest
class ClaimReviewTest {

    static final String BUYER = "ent-review-big";

    @Inject
    ClaimReviews claims;

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void buyer() {
        // A large enterprise: domestic compute at 30%, cap 8,000,000.00.
        Api.registerBuyer(BUYER, "91330106MA2B0RW001", "ENTERPRISE", false, false, null);
    }

    @Test
    void a_large_claim_is_held_in_review_and_redeemed_only_once_reviewed_and_approved() {
        int year = 2041;
        // 1,000,000.00 CNY of domestic compute at 30% → 300,000.00 held.
        String order = delivered(year, 100_000_000L, LocalDate.of(year, 3, 2), 100_000_000L, "IN_REVIEW");

        // Not payable: still held in full, not redeemed, not among the redemptions; SubsidyInReview, no SubsidyRedeemed.
        assertThat(figure(year, "SUANLI", "held")).isEqualTo("300000.00");
        assertThat(figure(year, "SUANLI", "redeemed")).isEqualTo("0.00");
        Api.as("finance1").get("/api/redemptions?year=" + year).then().statusCode(200)
                .body("orderId", not(hasItem(order)));
        assertThat(Contracts.eventTypes(db, order)).containsExactly("SubsidyHeld", "SubsidyInReview");
        assertThat(Contracts.events(db, order).get(1).payload().path("suanliFen").asLong()).isEqualTo(30_000_000L);
        Api.as("finance1").get("/api/claims").then().statusCode(200)
                .body("find { it.orderId == '" + order + "' }.status", equalTo("IN_REVIEW"))
                .body("find { it.orderId == '" + order + "' }.actualAmount", equalTo("1000000.00"))
                .body("find { it.orderId == '" + order + "' }.suanli", equalTo("300000.00"))
                .body("find { it.orderId == '" + order + "' }.threshold", equalTo("500000.00"));

        // Wrong roles, wrong order of steps: refused, nothing changes.
        Api.as("sme1").get("/api/claims").then().statusCode(403);
        Api.as("finance1").body("{}").post("/api/claims/" + order + "/review").then().statusCode(403);
        Api.as("finance1").body("{}").post("/api/claims/" + order + "/approve").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("https://suanli.market/problems/claim-not-reviewed"));
        Api.as("admin1").get("/api/claims/" + order).then().body("status", equalTo("IN_REVIEW"));

        Api.as("admin1").body("{\"note\":\"contract, invoice and delivery report agree\"}").post("/api/claims/" + order + "/review")
                .then().statusCode(200).body("status", equalTo("REVIEWED")).body("reviewedBy", equalTo("admin1"));
        Api.as("admin1").body("{}").post("/api/claims/" + order + "/approve").then().statusCode(403);
        assertThat(figure(year, "SUANLI", "redeemed")).isEqualTo("0.00");

        Api.as("finance1").body("{\"note\":\"approved for payment\"}").post("/api/claims/" + order + "/approve")
                .then().statusCode(200).body("status", equalTo("APPROVED")).body("approvedBy", equalTo("finance1"));
        Api.as("admin1").get("/api/holds/" + order).then().body("status", equalTo("REDEEMED"))
                .body("suanliRedeemed", equalTo("300000.00"));
        assertThat(figure(year, "SUANLI", "held")).isEqualTo("0.00");
        assertThat(figure(year, "SUANLI", "redeemed")).isEqualTo("300000.00");
        assertThat(figure(year, "SUANLI", "remaining")).isEqualTo("9700000.00");
        assertThat(usage(year, BUYER, "suanliRedeemed")).isEqualTo("300000.00");
        Api.as("finance1").get("/api/redemptions?year=" + year).then()
                .body("find { it.orderId == '" + order + "' }.suanli", equalTo("300000.00"));

        // Approving again changes nothing: one SubsidyRedeemed.
        Api.as("finance1").body("{}").post("/api/claims/" + order + "/approve").then().statusCode(200).body("status", equalTo("APPROVED"));
        assertThat(Contracts.eventTypes(db, order)).containsExactly("SubsidyHeld", "SubsidyInReview", "SubsidyRedeemed");
        assertThat(figure(year, "SUANLI", "redeemed")).isEqualTo("300000.00");
        Api.as("admin1").get("/api/audit?limit=50").then()
                .body("find { it.action == 'CLAIM_APPROVED' && it.subject == 'order:" + order + "' }.actor", equalTo("finance1"))
                .body("find { it.action == 'CLAIM_REVIEWED' && it.subject == 'order:" + order + "' }.actor", equalTo("admin1"));
        // The claim record settlement puts in the order's dossier carries the review and the approval.
        Api.as("finance1").get("/api/claim-records/" + order).then().statusCode(200)
                .body("audit.action", org.hamcrest.Matchers.hasItems("CLAIM_IN_REVIEW", "CLAIM_REVIEWED", "CLAIM_APPROVED"))
                .body("audit.find { it.action == 'CLAIM_APPROVED' }.actor", equalTo("finance1"));
    }

    @Test
    void the_person_who_reviewed_a_claim_cannot_also_approve_it() {
        int year = 2042;
        String order = delivered(year, 100_000_000L, LocalDate.of(year, 3, 2), 100_000_000L, "IN_REVIEW");
        Api.as("admin1").body("{}").post("/api/claims/" + order + "/review").then().statusCode(200);

        // No demo user holds both roles, so the use case is asked directly, as the resource would for such a user.
        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> claims.approve(order, "admin1", "self-approval"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.slug()).isEqualTo("same-person");
        Api.as("admin1").get("/api/claims/" + order).then().body("status", equalTo("REVIEWED"));
        assertThat(figure(year, "SUANLI", "held")).isEqualTo("300000.00");
        assertThat(figure(year, "SUANLI", "redeemed")).isEqualTo("0.00");
        assertThat(Contracts.eventTypes(db, order)).containsExactly("SubsidyHeld", "SubsidyInReview");
    }

    @Test
    void a_refused_claim_gives_the_whole_hold_back_with_its_reason() {
        int year = 2043;
        // Ordered 1,200,000.00 (360,000.00 held), delivered 900,000.00: in review on 270,000.00.
        String order = delivered(year, 120_000_000L, LocalDate.of(year, 6, 1), 90_000_000L, "IN_REVIEW");
        Api.as("admin1").get("/api/claims/" + order).then().body("suanli", equalTo("270000.00"));
        assertThat(figure(year, "SUANLI", "held")).isEqualTo("360000.00");
        assertThat(usage(year, BUYER, "declared")).isEqualTo("900000.00");

        Api.as("admin1").body("{\"reason\":\" \"}").post("/api/claims/" + order + "/refuse").then().statusCode(400);
        Api.as("admin1").body("{\"reason\":\"invoice does not match the delivery report\"}").post("/api/claims/" + order + "/refuse")
                .then().statusCode(200).body("status", equalTo("REFUSED"))
                .body("refusalReason", equalTo("invoice does not match the delivery report"));
        Api.as("admin1").get("/api/holds/" + order).then().body("status", equalTo("RELEASED"));
        assertThat(figure(year, "SUANLI", "held")).isEqualTo("0.00");
        assertThat(figure(year, "SUANLI", "redeemed")).isEqualTo("0.00");
        assertThat(figure(year, "SUANLI", "remaining")).isEqualTo("10000000.00");
        assertThat(usage(year, BUYER, "suanliHeld")).isEqualTo("0.00");
        assertThat(usage(year, BUYER, "declared")).isEqualTo("0.00");
        Contracts.Recorded released = Contracts.events(db, order).get(2);
        assertThat(released.type()).isEqualTo("SubsidyReleased");
        assertThat(released.payload().path("suanliFen").asLong()).isEqualTo(36_000_000L);
        assertThat(released.payload().path("reason").asText()).isEqualTo("REVIEW_REFUSED: invoice does not match the delivery report");

        // Decided: neither approval nor review any more.
        Api.as("finance1").body("{}").post("/api/claims/" + order + "/approve").then().statusCode(409)
                .body("type", equalTo("https://suanli.market/problems/claim-decided"));
        Api.as("admin1").body("{}").post("/api/claims/" + order + "/review").then().statusCode(409);
        assertThat(Contracts.eventTypes(db, order)).hasSize(3);
    }

    @Test
    void claims_up_to_the_threshold_are_redeemed_at_delivery_as_before() {
        int year = 2044;
        // Exactly 500,000.00 is not above the threshold: 150,000.00 redeemed at once.
        String order = delivered(year, 50_000_000L, LocalDate.of(year, 2, 1), 50_000_000L, "REDEEMED");
        Api.as("admin1").get("/api/holds/" + order).then().body("suanliRedeemed", equalTo("150000.00"));
        Api.as("admin1").get("/api/claims/" + order).then().statusCode(404);
        assertThat(Contracts.eventTypes(db, order)).containsExactly("SubsidyHeld", "SubsidyRedeemed");
        // the redemption names the buyer as the registry has it, for settlement's public notice (公示)
        assertThat(Contracts.events(db, order).get(1).payload().path("buyerName").asText()).isEqualTo(BUYER);
        assertThat(figure(year, "SUANLI", "redeemed")).isEqualTo("150000.00");
    }

    /**
     * A contract of this class's buyer in its own program year (budget 10,000,000.00), ordered and delivered; waits
     * until the delivery's answer is {@code outcome} (IN_REVIEW or REDEEMED). Returns the order id.
     */
    private static String delivered(int year, long orderedFen, LocalDate contractDate, long deliveredFen, String outcome) {
        Contracts.budget("SUANLI", year, "10000000.00");
        String order = "ord-" + UUID.randomUUID();
        Contracts.placed(order, BUYER, orderedFen, contractDate, "NONE");
        Contracts.delivered(order, deliveredFen, outcome);
        return order;
    }
}
