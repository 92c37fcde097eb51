package org.suanli.voucher.clawback;

import org.suanli.kernel.money.Money;
import org.suanli.voucher.Refusal;
import org.suanli.voucher.hold.SubsidyHold;

import java.util.Optional;

/**
 * What may be clawed back (追回) from a subsidy: only from a redeemed one, something, and never more of
 * either voucher than was redeemed less what was already clawed back.
 */
public final class ClawbackRule {

    private ClawbackRule() {
    }

    public static Optional<Refusal> check(SubsidyHold h, long suanliFen, long zhinengFen) {
        if (suanliFen < 0 || zhinengFen < 0) {
            return Optional.of(Refusal.invalid("clawback amounts cannot be negative"));
        }
        if (suanliFen == 0 && zhinengFen == 0) {
            return Optional.of(Refusal.invalid("nothing to claw back: give an amount of 算力券 (suanli) or 智能券 (zhineng) above zero"));
        }
        if (h.status != SubsidyHold.Status.REDEEMED) {
            return Optional.of(Refusal.conflict("subsidy-not-redeemed", "order " + h.orderId + "'s subsidy is " + h.status
                    + (h.status == SubsidyHold.Status.IN_REVIEW ? ": nothing is paid yet; refuse the claim instead" : "")
                    + "; only a redeemed subsidy can be clawed back"));
        }
        Optional<Refusal> suanli = within("算力券", h.orderId, suanliFen, h.suanliRedeemedFen, h.suanliRecoveredFen);
        return suanli.isPresent() ? suanli : within("智能券", h.orderId, zhinengFen, h.zhinengRedeemedFen, h.zhinengRecoveredFen);
    }

    /** What can still be clawed back of one voucher. */
    public static long left(long redeemedFen, long recoveredFen) {
        return redeemedFen - recoveredFen;
    }

    private static Optional<Refusal> within(String voucher, String orderId, long askedFen, long redeemedFen, long recoveredFen) {
        long left = left(redeemedFen, recoveredFen);
        if (askedFen <= left) {
            return Optional.empty();
        }
        return Optional.of(Refusal.rule("clawback-exceeds-redeemed", "order " + orderId + ": " + voucher + " "
                + Money.format(askedFen) + " CNY asked back, but only " + Money.format(left) + " CNY is left of the "
                + Money.format(redeemedFen) + " CNY redeemed (" + Money.format(recoveredFen) + " CNY already clawed back)"));
    }
}
