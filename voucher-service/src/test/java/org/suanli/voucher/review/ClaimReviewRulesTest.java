package org.suanli.voucher.review;

import org.junit.jupiter.api.Test;
import org.suanli.voucher.Refusal;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The two-person rule and the order of the steps, in plain Java. */
class ClaimReviewRulesTest {

    static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    static ClaimReview inReview() {
        ClaimReview c = new ClaimReview();
        c.orderId = "ord-1";
        c.status = ClaimReview.Status.IN_REVIEW;
        return c;
    }

    @Test
    void whoever_reviewed_a_claim_cannot_approve_it() {
        ClaimReview c = inReview();
        assertThat(c.review("alice", null, NOW).step()).isEqualTo(ClaimReview.Step.CHANGED);
        ClaimReview.Answer a = c.approve("alice", null, NOW);
        assertThat(a.refusal().kind()).isEqualTo(Refusal.Kind.FORBIDDEN);
        assertThat(a.refusal().slug()).isEqualTo("same-person");
        assertThat(c.status).isEqualTo(ClaimReview.Status.REVIEWED);
        assertThat(c.approvedBy).isNull();
        assertThat(c.approve("bob", null, NOW).step()).isEqualTo(ClaimReview.Step.CHANGED);
        assertThat(c.status).isEqualTo(ClaimReview.Status.APPROVED);
    }

    @Test
    void a_claim_is_approved_only_after_its_review_and_decided_only_once() {
        ClaimReview c = inReview();
        assertThat(c.approve("bob", null, NOW).refusal().slug()).isEqualTo("claim-not-reviewed");
        c.review("alice", null, NOW);
        assertThat(c.review("alice", null, NOW).step()).isEqualTo(ClaimReview.Step.REPLAY);
        assertThat(c.review("carol", null, NOW).refusal().kind()).isEqualTo(Refusal.Kind.CONFLICT);
        c.approve("bob", null, NOW);
        assertThat(c.approve("bob", null, NOW).step()).isEqualTo(ClaimReview.Step.REPLAY);
        assertThat(c.refuse("bob", "too late", NOW).refusal().slug()).isEqualTo("claim-decided");
    }

    @Test
    void a_refusal_needs_a_reason_and_ends_the_claim() {
        ClaimReview c = inReview();
        assertThat(c.refuse("alice", "  ", NOW).refusal().kind()).isEqualTo(Refusal.Kind.INVALID);
        assertThat(c.status).isEqualTo(ClaimReview.Status.IN_REVIEW);
        assertThat(c.refuse("alice", " forged invoice ", NOW).step()).isEqualTo(ClaimReview.Step.CHANGED);
        assertThat(c.refusalReason).isEqualTo("forged invoice");
        assertThat(c.approve("bob", null, NOW).refusal().slug()).isEqualTo("claim-decided");
    }

    @Test
    void only_claims_above_the_threshold_with_something_to_pay_wait_for_review() {
        long threshold = 50_000_000L; // 500,000.00 CNY
        assertThat(ClaimReview.needed(50_000_000L, 15_000_000L, threshold)).isFalse();
        assertThat(ClaimReview.needed(50_000_001L, 15_000_000L, threshold)).isTrue();
        assertThat(ClaimReview.needed(90_000_000L, 0L, threshold)).isFalse();
    }
}
