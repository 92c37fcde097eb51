package org.suanli.voucher.fraud;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A contract as the fraud signals look at it: who bought what from whom, when, at what price. The parties
 * are named by their unified social credit codes, so that a buyer who also sells (or a seller who also
 * buys) is recognised on both sides.
 *
 * @param unitPriceFen the price per GPU-hour locked when the order was placed
 * @param subsidised   whether the contract earned any voucher
 */
public record ContractSeen(String orderId, String buyerCreditCode, String sellerCreditCode, String offeringId,
                           LocalDate contractDate, long amountFen, long unitPriceFen, boolean subsidised) {

    public ContractSeen {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(buyerCreditCode, "buyerCreditCode");
        Objects.requireNonNull(sellerCreditCode, "sellerCreditCode");
        Objects.requireNonNull(contractDate, "contractDate");
    }

    boolean between(String buyer, String seller) {
        return buyerCreditCode.equals(buyer) && sellerCreditCode.equals(seller);
    }

    /** Within {@code days} before this contract's date, or on it. */
    boolean withinDaysBefore(ContractSeen later, int days) {
        return !contractDate.isAfter(later.contractDate) && !contractDate.isBefore(later.contractDate.minusDays(days));
    }
}
