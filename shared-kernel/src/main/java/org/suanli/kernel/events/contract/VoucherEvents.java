package org.suanli.kernel.events.contract;

import java.time.Instant;
import java.util.List;

/** Events of voucher-service on topic {@code vouchers}, keyed by order id: the subsidy's two-phase life. */
public final class VoucherEvents {

    public static final String HELD = "SubsidyHeld";
    public static final String REDEEMED = "SubsidyRedeemed";
    public static final String RELEASED = "SubsidyReleased";
    public static final String CLAWED_BACK = "SubsidyClawedBack";

    private VoucherEvents() {
    }

    /** Rates locked and amounts pending against budget and cap; possibly zero, with the reasons why. */
    public record Held(String orderId, String buyerId, int programYear, String policyCode, int suanliRateBp,
                       int zhinengRateBp, long suanliHeldFen, long zhinengHeldFen, List<String> reasons) {
    }

    /** On the actual amount, never above the hold; {@code returned*} went back to the budget. */
    public record Redeemed(String orderId, String buyerId, int programYear, long actualAmountFen,
                           long suanliFen, long zhinengFen, long suanliReturnedFen, long zhinengReturnedFen) {
    }

    public record Released(String orderId, String buyerId, int programYear, long suanliFen, long zhinengFen,
                           String reason) {
    }

    /**
     * Finance clawed back (追回) all or part of a redeemed subsidy: the amounts here are what is taken back now
     * (never more than is still redeemed), not the order's new figures. Who did it, when, why, and the evidence.
     */
    public record ClawedBack(String orderId, String buyerId, String partnerId, int programYear, long suanliFen,
                             long zhinengFen, String reason, String evidenceRef, String by, Instant at) {
    }
}
