package org.suanli.voucher.hold;

import org.suanli.voucher.Refusal;

/**
 * Ending a manual hold (an off-platform contract an admin held by hand): released when the contract did not
 * go ahead, voided when it was entered in error. Either gives the whole hold back. Only manual holds: the
 * others follow their order's events. Asking again for the end a hold already has changes nothing.
 */
public final class ManualHoldRule {

    public enum End {
        RELEASE(SubsidyHold.Status.RELEASED, "MANUAL_RELEASE"), VOID(SubsidyHold.Status.VOIDED, "VOIDED");

        public final SubsidyHold.Status status;
        public final String code;

        End(SubsidyHold.Status status, String code) {
            this.status = status;
            this.code = code;
        }
    }

    /** {@code apply}: give the hold back; otherwise a replay (no refusal) or a refusal. */
    public record Decision(boolean apply, Refusal refusal) {
    }

    private ManualHoldRule() {
    }

    public static Decision decide(SubsidyHold h, End end, String reason) {
        if (h.origin != SubsidyHold.Origin.MANUAL) {
            return refused(Refusal.conflict("not-a-manual-hold", "order " + h.orderId + "'s hold follows the order's life in the "
                    + "marketplace; only a hold placed by hand can be released or voided by hand"));
        }
        if (h.status == end.status) {
            return new Decision(false, null);
        }
        if (h.status != SubsidyHold.Status.HELD) {
            return refused(Refusal.conflict("hold-not-held", "order " + h.orderId + "'s hold is " + h.status
                    + "; only a hold still HELD can be " + (end == End.VOID ? "voided" : "released")));
        }
        if (reason == null || reason.isBlank()) {
            return refused(Refusal.invalid("give the reason for ending the hold"));
        }
        return new Decision(true, null);
    }

    private static Decision refused(Refusal r) {
        return new Decision(false, r);
    }
}
