package org.suanli.voucher.policy;

/**
 * A hold settled on the delivered amount (see {@link SubsidyDecision#redeemOn(long)}). Money in fen.
 *
 * @param suanliRedeemedFen  算力券 paid on this contract: floor(actual × locked rate), never above the hold
 * @param suanliReleasedFen  the part of the 算力券 hold given back to the budget (and to the enterprise cap)
 * @param zhinengRedeemedFen 智能券 paid, likewise
 * @param zhinengReleasedFen the part of the 智能券 hold given back to its budget
 * @param buyerPaysFen       actual amount less both redemptions
 */
public record Redemption(
        String policyCode,
        long actualAmountFen,
        int suanliRateBp,
        long suanliComputedFen,
        long suanliRedeemedFen,
        long suanliReleasedFen,
        int zhinengRateBp,
        long zhinengComputedFen,
        long zhinengRedeemedFen,
        long zhinengReleasedFen,
        long buyerPaysFen) {
}
