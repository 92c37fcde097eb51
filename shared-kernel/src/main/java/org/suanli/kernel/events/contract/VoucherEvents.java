package org.suanli.kernel.events.contract;

import java.time.Instant;
import java.util.List;

/** Events of voucher-service on topic {@code vouchers}, keyed by order id: the subsidy's two-phase life. */
public final class VoucherEvents {

    public static final String HELD = "SubsidyHeld";
    public static final String REDEEMED = "SubsidyRedeemed";
    public static final String RELEASED = "SubsidyReleased";
    /** A large claim delivered and waiting for review and approval: not payable until {@link #REDEEMED} follows. */
    public static final String IN_REVIEW = "SubsidyInReview";
    public static final String CLAWED_BACK = "SubsidyClawedBack";

    private VoucherEvents() {
    }

    /** Rates locked and amounts pending against budget and cap; possibly zero, with the reasons why. */
    public record Held(String orderId, String buyerId, int programYear, String policyCode, int suanliRateBp,
                       int zhinengRateBp, long suanliHeldFen, long zhinengHeldFen, List<String> reasons) {
    }

    /**
     * On the actual amount, never above the hold; {@code returned*} went back to the budget. {@code buyerName} is
     * the registry's name of the buyer (an enterprise or institution, never a person), for the public notice (公示);
     * added later, so an event written before it reads as null.
     */
    public record Redeemed(String orderId, String buyerId, int programYear, long actualAmountFen,
                           long suanliFen, long zhinengFen, long suanliReturnedFen, long zhinengReturnedFen,
                           String buyerName) {

        /** The event as it was before {@code buyerName}. */
        public Redeemed(String orderId, String buyerId, int programYear, long actualAmountFen, long suanliFen,
                        long zhinengFen, long suanliReturnedFen, long zhinengReturnedFen) {
            this(orderId, buyerId, programYear, actualAmountFen, suanliFen, zhinengFen, suanliReturnedFen,
                    zhinengReturnedFen, null);
        }
    }

    public record Released(String orderId, String buyerId, int programYear, long suanliFen, long zhinengFen,
                           String reason) {
    }

    /**
     * Delivered on a contract above the review threshold: what would be redeemed on the actual amount
     * ({@code suanliFen}, {@code zhinengFen}) once reviewed and approved. The whole hold stays held until
     * then; {@link Redeemed} follows on approval, {@link Released} on refusal.
     */
    public record InReview(String orderId, String buyerId, int programYear, long actualAmountFen, long suanliFen,
                           long zhinengFen, long thresholdFen) {
    }

    /**
     * The finance bureau took back (追回) part or all of a redeemed subsidy: the partner owes these amounts
     * back to the programs. {@code by} is the finance officer, {@code evidenceRef} the document it rests on.
     */
    public record ClawedBack(String orderId, String buyerId, String partnerId, int programYear, long suanliFen,
                             long zhinengFen, String reason, String evidenceRef, String by, java.time.Instant at) {
    }
}
