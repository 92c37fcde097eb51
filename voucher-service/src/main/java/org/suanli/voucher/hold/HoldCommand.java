package org.suanli.voucher.hold;

import org.suanli.voucher.policy.Category;
import org.suanli.voucher.policy.FacilityType;
import org.suanli.voucher.policy.ZhinengMode;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A contract to hold a subsidy for: the order and the offering's facts as they were when it was placed.
 * {@code offeringId} and {@code unitPriceFen} (the locked price per GPU-hour) are for the fraud signals; a manual
 * hold has neither (null, 0).
 */
public record HoldCommand(String orderId, String buyerId, String partnerId, String partnerCreditCode,
                          boolean partnerApproved, Category category, FacilityType facilityType,
                          boolean filedModel, long amountFen, LocalDate contractDate, ZhinengMode zhinengMode,
                          String offeringId, long unitPriceFen) {

    /** A contract without an offering (signed off-platform). */
    public HoldCommand(String orderId, String buyerId, String partnerId, String partnerCreditCode,
                       boolean partnerApproved, Category category, FacilityType facilityType,
                       boolean filedModel, long amountFen, LocalDate contractDate, ZhinengMode zhinengMode) {
        this(orderId, buyerId, partnerId, partnerCreditCode, partnerApproved, category, facilityType, filedModel,
                amountFen, contractDate, zhinengMode, null, 0);
    }

    public HoldCommand {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(buyerId, "buyerId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(contractDate, "contractDate");
        Objects.requireNonNull(zhinengMode, "zhinengMode");
        // Refused here, at the edge, so a malformed contract can never fail a whole batch of holds.
        if (category == Category.COMPUTE && facilityType == null) {
            throw new IllegalArgumentException("a COMPUTE contract needs the facility type (DOMESTIC or OTHER)");
        }
        // Zero is possible (a tenth of an hour at a fen's price): it earns zero, but still gets its answer.
        if (amountFen < 0) {
            throw new IllegalArgumentException("the contract amount cannot be negative");
        }
    }

    /** Same contract, same figures: a replay, not a second claim. */
    boolean sameContractAs(SubsidyHold h) {
        return h.buyerId.equals(buyerId) && h.estimatedAmountFen == amountFen && h.category == category
                && h.contractDate.equals(contractDate) && Objects.equals(h.facilityType, facilityType)
                && h.zhinengMode == zhinengMode;
    }
}
