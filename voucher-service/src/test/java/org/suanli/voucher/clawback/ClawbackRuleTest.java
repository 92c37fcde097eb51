package org.suanli.voucher.clawback;

import org.junit.jupiter.api.Test;
import org.suanli.voucher.Refusal;
import org.suanli.voucher.hold.SubsidyHold;

import static org.assertj.core.api.Assertions.assertThat;

/** What may be clawed back, in plain Java: 300,000.00 redeemed, 120,000.00 already clawed back. */
class ClawbackRuleTest {

    static SubsidyHold redeemed() {
        SubsidyHold h = new SubsidyHold();
        h.orderId = "ord-1";
        h.status = SubsidyHold.Status.REDEEMED;
        h.suanliRedeemedFen = 30_000_000L;
        h.suanliRecoveredFen = 12_000_000L;
        h.zhinengRedeemedFen = 500_000L;
        return h;
    }

    @Test
    void up_to_what_is_left_of_each_voucher() {
        assertThat(ClawbackRule.check(redeemed(), 18_000_000L, 500_000L)).isEmpty();
        assertThat(ClawbackRule.check(redeemed(), 18_000_001L, 0L)).get().extracting(Refusal::slug).isEqualTo("clawback-exceeds-redeemed");
        assertThat(ClawbackRule.check(redeemed(), 0L, 500_001L)).get().extracting(Refusal::kind).isEqualTo(Refusal.Kind.RULE);
        assertThat(ClawbackRule.check(redeemed(), 20_000_000L, 0L).orElseThrow().message())
                .contains("180000.00").contains("300000.00").contains("120000.00");
    }

    @Test
    void something_and_only_from_a_redeemed_subsidy() {
        assertThat(ClawbackRule.check(redeemed(), 0L, 0L)).get().extracting(Refusal::kind).isEqualTo(Refusal.Kind.INVALID);
        SubsidyHold inReview = redeemed();
        inReview.status = SubsidyHold.Status.IN_REVIEW;
        assertThat(ClawbackRule.check(inReview, 1L, 0L)).get().extracting(Refusal::slug).isEqualTo("subsidy-not-redeemed");
    }
}
