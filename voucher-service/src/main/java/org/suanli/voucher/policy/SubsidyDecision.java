package org.suanli.voucher.policy;

import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

import org.suanli.kernel.money.Money;

/**
 * What the engine decided for one contract. At hold the rates are locked and the granted amounts are
 * what is held; {@link #redeemOn(long)} settles on the delivered amount. Money in fen, rates in bp.
 *
 * <p>A program that does not apply (ineligible buyer, category not covered, model not filed, 智能券 not
 * applicable, no policy, partner not approved, related parties) reports rate 0 and computed 0: the rate
 * column is the rate the contract actually earns, not the rate it would have earned.
 *
 * @param reasons why the outcome differs from "full rate, granted in full"; sorted by name
 */
public record SubsidyDecision(
        String policyCode,
        int suanliRateBp,
        long suanliComputedFen,
        long suanliGrantedFen,
        int zhinengRateBp,
        long zhinengComputedFen,
        long zhinengGrantedFen,
        long buyerPaysFen,
        SortedSet<ReasonCode> reasons) {

    public SubsidyDecision {
        Objects.requireNonNull(policyCode, "policyCode is required");
        if (suanliGrantedFen < 0 || suanliGrantedFen > suanliComputedFen
                || zhinengGrantedFen < 0 || zhinengGrantedFen > zhinengComputedFen) {
            throw new IllegalArgumentException("a grant lies between zero and what was computed");
        }
        if (suanliRateBp < 0 || zhinengRateBp < 0 || suanliRateBp + zhinengRateBp > 10_000) {
            throw new IllegalArgumentException("rates lie between 0 and 10000 bp, and so does their sum");
        }
        if (buyerPaysFen < 0) {
            throw new IllegalArgumentException("vouchers never exceed the contract amount");
        }
        reasons = sortedByName(reasons);
    }

    /** A contract that earns nothing from either program, for the given reasons. */
    static SubsidyDecision nothing(String policyCode, long amountFen, Collection<ReasonCode> reasons) {
        return new SubsidyDecision(policyCode, 0, 0, 0, 0, 0, 0, amountFen, sortedByName(reasons));
    }

    /** The contract amount this decision was taken on. */
    public long amountFen() {
        return Math.addExact(buyerPaysFen, Math.addExact(suanliGrantedFen, zhinengGrantedFen));
    }

    public long totalGrantedFen() {
        return Math.addExact(suanliGrantedFen, zhinengGrantedFen);
    }

    /**
     * Redeem: the subsidy recomputed with the locked rates on what was actually incurred, never above
     * what was held; whatever the redemption does not use goes back to its program's budget. The actual
     * amount may be above the estimate (metered usage): the subsidy still stops at the hold.
     */
    public Redemption redeemOn(long actualAmountFen) {
        if (actualAmountFen < 0) {
            throw new IllegalArgumentException("actualAmountFen must not be negative, was " + actualAmountFen);
        }
        long suanliComputed = Money.applyRate(actualAmountFen, suanliRateBp);
        long suanliRedeemed = Math.min(suanliComputed, suanliGrantedFen);
        long zhinengComputed = Money.applyRate(actualAmountFen, zhinengRateBp);
        long zhinengRedeemed = Math.min(zhinengComputed, zhinengGrantedFen);
        return new Redemption(policyCode, actualAmountFen,
                suanliRateBp, suanliComputed, suanliRedeemed, suanliGrantedFen - suanliRedeemed,
                zhinengRateBp, zhinengComputed, zhinengRedeemed, zhinengGrantedFen - zhinengRedeemed,
                actualAmountFen - suanliRedeemed - zhinengRedeemed);
    }

    /** Reasons as {@code "A;B"} sorted by name, empty when none: the form stored beside holds. */
    public String reasonsJoined() {
        return String.join(";", reasons.stream().map(ReasonCode::name).toList());
    }

    private static SortedSet<ReasonCode> sortedByName(Collection<ReasonCode> reasons) {
        TreeSet<ReasonCode> sorted = new TreeSet<>(ReasonCode.BY_NAME);
        sorted.addAll(Objects.requireNonNull(reasons, "reasons are required (empty when none)"));
        return Collections.unmodifiableSortedSet(sorted);
    }
}
