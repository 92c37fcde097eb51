package org.suanli.catalog.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** voucher-service's answer; read tolerantly (it may add fields). Money as yuan strings, rates as "0.30". */
@JsonIgnoreProperties(ignoreUnknown = true)
public record QuoteBatch(List<Quote> items) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Quote(String ref, String policy, String suanliRate, String suanliGranted, String zhinengRate,
                        String zhinengGranted, String buyerPays, List<String> reasons) {
    }
}
