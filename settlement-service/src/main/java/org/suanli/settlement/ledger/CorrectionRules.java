package org.suanli.settlement.ledger;

import org.suanli.kernel.money.Money;
import org.suanli.kernel.problem.ProblemException;

/**
 * What a correction may make of an order. A correction states the order's figures as they should be; it may
 * move money between the buyer and the voucher programs, but never create or destroy what the partner is owed
 * (the contract amount), never leave anyone a negative share, and, when settlement knows what voucher-service
 * redeemed for the order, never give a program more than it redeemed. Each refusal is a 422 naming its rule.
 */
public final class CorrectionRules {

    /** Any share of the corrected order below zero. */
    public static final String NEGATIVE_SHARE = "correction-negative-share";
    /** Buyer + 算力券 + 智能券 of the corrected order differ from its contract amount. */
    public static final String CHANGES_TOTAL = "correction-changes-total";
    /** A voucher program would pay more than voucher-service redeemed for the order. */
    public static final String EXCEEDS_REDEEMED = "correction-exceeds-redeemed";

    private CorrectionRules() {
    }

    /**
     * @param target           the order's figures after the correction (not differences)
     * @param contractFen      the order's contract amount: what the partner is owed in total
     * @param redeemed         what voucher-service redeemed per program for the order (buyer part unused), or
     *                         {@code null} if settlement has not seen the redemption
     * @throws ProblemException 422 with the broken rule as its type
     */
    public static void check(String orderId, OrderAmounts target, long contractFen, OrderAmounts redeemed) {
        if (target.anyNegative()) {
            throw ProblemException.unprocessable(NEGATIVE_SHARE, "a correction states the order's figures as they "
                    + "should be, and none may be negative: buyer pays " + Money.format(target.buyerPaysFen())
                    + ", 算力券 " + Money.format(target.suanliFen()) + ", 智能券 " + Money.format(target.zhinengFen())
                    + " for order " + orderId);
        }
        long total = target.partnerOwedFen();
        if (total != contractFen) {
            throw ProblemException.unprocessable(CHANGES_TOTAL, "buyer pays " + Money.format(target.buyerPaysFen())
                    + " + 算力券 " + Money.format(target.suanliFen()) + " + 智能券 " + Money.format(target.zhinengFen())
                    + " = " + Money.format(total) + ", but order " + orderId + " has a contract amount of "
                    + Money.format(contractFen) + ": a correction may move money between the buyer and the voucher "
                    + "programs, never change what the partner is owed in total");
        }
        if (redeemed != null) {
            requireWithinRedeemed(orderId, "算力券", target.suanliFen(), redeemed.suanliFen());
            requireWithinRedeemed(orderId, "智能券", target.zhinengFen(), redeemed.zhinengFen());
        }
    }

    private static void requireWithinRedeemed(String orderId, String program, long targetFen, long redeemedFen) {
        if (targetFen > redeemedFen) {
            throw ProblemException.unprocessable(EXCEEDS_REDEEMED, program + " " + Money.format(targetFen)
                    + " is more than the " + Money.format(redeemedFen) + " voucher-service redeemed for order "
                    + orderId + ": a subsidy can never exceed its redemption");
        }
    }
}
