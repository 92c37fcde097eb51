package org.suanli.voucher.fraud;

import java.time.LocalDate;

/** An offering's price per GPU-hour from a day on (the catalog's price history). */
public record PricePoint(String offeringId, LocalDate from, long unitPriceFen) {
}
