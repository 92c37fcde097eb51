package org.suanli.catalog.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.suanli.catalog.offering.OfferingView;

import java.util.List;

/**
 * One page of the shelf. {@code sortedBy} says how it was really sorted ("net" only when every
 * offering could be quoted); {@code netPriceUnavailable} with a {@code notice} when it could not.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchResult(List<Item> items, int page, int size, long total, String sortedBy,
                           boolean netPriceUnavailable, String notice) {

    /** An offering and, for a buyer, its estimated price after vouchers. */
    public record Item(@JsonUnwrapped OfferingView offering, NetEstimate net) {
    }

    /**
     * What the buyer would pay for {@code hours} GPU-hours on this offering after vouchers (voucher-service's
     * quote; an estimate: the contract decides). {@code netUnitPrice} = buyerPays / hours.
     */
    public record NetEstimate(String hours, String amount, String policy, String suanliRate, String suanliGranted,
                              String zhinengRate, String zhinengGranted, String buyerPays, String netUnitPrice,
                              List<String> reasons) {
    }
}
