package org.suanli.catalog.client;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** Body of voucher-service's {@code POST /api/quotes/batch}; the buyer is the token's enterprise. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuoteRequest(String contractDate, String zhinengMode, List<Item> items) {

    /** One contract to quote: {@code ref} comes back with its answer; {@code amount} in yuan. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String ref, String category, String facilityType, boolean filedModel, boolean partnerApproved,
                       String partnerCreditCode, String amount) {
    }
}
