package org.suanli.voucher.policy;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Everything the engine needs to decide one contract: the contract, the buyer, the offering and what
 * the year has already used. Money in fen.
 *
 * @param contractDate              the day the order was placed (Asia/Shanghai); picks the policy version
 * @param buyerType                 who buys
 * @param sme                       whether the buyer is an SME (中小企业)
 * @param foundationModel           whether the buyer is a generative multimodal foundation-model enterprise
 * @param capOverrideFen            the cap the bureau set for a foundation-model enterprise; {@code null} = the
 *                                  policy's cap. Ignored for any other buyer (rule 7 allows it only for them)
 * @param category                  what is bought
 * @param facilityType              the offering's facility class; may be {@code null} where no rate depends on it
 *                                  (MODEL_SERVICE)
 * @param filedModel                whether the offering runs on a model with a national filing number
 * @param amountFen                 the contract amount (at hold, the ordered estimate)
 * @param declaredBeforeFen         COMPUTE amounts the buyer already declared this program year
 * @param suanliUsedBeforeFen       算力券 already held or granted to the buyer this program year
 * @param suanliBudgetRemainingFen  what is left of this year's 算力券 budget; {@code null} = plenty
 * @param zhinengMode               how 智能券 is asked for
 * @param zhinengBudgetRemainingFen what is left of this year's 智能券 budget; {@code null} = plenty
 * @param partnerApproved           whether the seller is an approved city compute partner (市级算力伙伴)
 * @param relatedParty              whether buyer and seller are related (same credit code or recorded so)
 * @param termEnd                   the last day of the contract's term (in the marketplace, the end of the order's
 *                                  delivery window); {@code null} = not stated. Read only by a program that limits the
 *                                  term (docs/POLICY.md rule 12)
 * @param claimedBefore             whether a subsidy was already claimed on this very contract (rule 13)
 */
public record SubsidyRequest(
        LocalDate contractDate,
        BuyerType buyerType,
        boolean sme,
        boolean foundationModel,
        Long capOverrideFen,
        Category category,
        FacilityType facilityType,
        boolean filedModel,
        long amountFen,
        long declaredBeforeFen,
        long suanliUsedBeforeFen,
        Long suanliBudgetRemainingFen,
        ZhinengMode zhinengMode,
        Long zhinengBudgetRemainingFen,
        boolean partnerApproved,
        boolean relatedParty,
        LocalDate termEnd,
        boolean claimedBefore) {

    public SubsidyRequest {
        Objects.requireNonNull(contractDate, "contractDate is required");
        Objects.requireNonNull(buyerType, "buyerType is required");
        Objects.requireNonNull(category, "category is required");
        Objects.requireNonNull(zhinengMode, "zhinengMode is required (NONE when no 智能券 is asked)");
        requireNonNegative(amountFen, "amountFen");
        requireNonNegative(declaredBeforeFen, "declaredBeforeFen");
        requireNonNegative(suanliUsedBeforeFen, "suanliUsedBeforeFen");
        if (capOverrideFen != null) {
            requireNonNegative(capOverrideFen, "capOverrideFen");
        }
        if (suanliBudgetRemainingFen != null) {
            requireNonNegative(suanliBudgetRemainingFen, "suanliBudgetRemainingFen");
        }
        if (zhinengBudgetRemainingFen != null) {
            requireNonNegative(zhinengBudgetRemainingFen, "zhinengBudgetRemainingFen");
        }
    }

    /** A contract whose term is not stated and that was never claimed on: all a Hangzhou version asks. */
    public SubsidyRequest(LocalDate contractDate, BuyerType buyerType, boolean sme, boolean foundationModel,
                          Long capOverrideFen, Category category, FacilityType facilityType, boolean filedModel,
                          long amountFen, long declaredBeforeFen, long suanliUsedBeforeFen, Long suanliBudgetRemainingFen,
                          ZhinengMode zhinengMode, Long zhinengBudgetRemainingFen, boolean partnerApproved,
                          boolean relatedParty) {
        this(contractDate, buyerType, sme, foundationModel, capOverrideFen, category, facilityType, filedModel, amountFen,
                declaredBeforeFen, suanliUsedBeforeFen, suanliBudgetRemainingFen, zhinengMode, zhinengBudgetRemainingFen,
                partnerApproved, relatedParty, null, false);
    }

    private static void requireNonNegative(long fen, String what) {
        if (fen < 0) {
            throw new IllegalArgumentException(what + " must not be negative, was " + fen);
        }
    }
}
