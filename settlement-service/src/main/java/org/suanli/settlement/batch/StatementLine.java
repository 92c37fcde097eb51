package org.suanli.settlement.batch;

import java.time.Instant;
import java.time.LocalDate;

/** One journal entry on a partner's statement; money as yuan strings (a correction's may be negative). */
public record StatementLine(long entryId, String kind, String orderId, Long correctsEntryId, String buyerId,
                            LocalDate contractDate, Instant completedAt, String facilityType, String category,
                            String district, String invoiceNumber, String actualAmount, String buyerPaid,
                            String suanli, String zhineng, String partnerOwed, String reason) {
}
