package org.suanli.kernel.events.contract;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Events of an order's life, topic {@code orders}, keyed by order id. order-service writes them;
 * catalog-service (capacity), voucher-service (holds) and settlement-service (ledger) react.
 * Quantities are GPU-hours in tenths; money is fen.
 */
public final class OrderEvents {

    public static final String PLACED = "OrderPlaced";
    public static final String CONFIRMED = "OrderConfirmed";
    public static final String REJECTED = "OrderRejected";
    public static final String CANCELLED = "OrderCancelled";
    public static final String EXPIRED = "OrderExpired";
    public static final String DELIVERED = "OrderDelivered";
    public static final String COMPLETED = "OrderCompleted";

    private OrderEvents() {
    }

    /** Everything the others need to decide, so nobody calls back: the offering's facts as they were at placing. */
    public record Placed(String orderId, String buyerId, String partnerId, String partnerCreditCode,
                         boolean partnerApproved, String offeringId, String facilityId, String district,
                         String category, String facilityType, boolean filedModel, long gpuHoursTenths,
                         long unitPriceFen, long estimatedAmountFen, Instant windowStart, Instant windowEnd,
                         String zhinengMode, LocalDate contractDate) {
    }

    /** The order will never complete: give back whatever was reserved or held for it. */
    public record Ended(String orderId, String reason) {
    }

    public record Confirmed(String orderId) {
    }

    public record Delivered(String orderId, String offeringId, long orderedTenths, long usedTenths,
                            long actualAmountFen, String invoiceNumber) {
    }

    /**
     * {@code partnerName} is the compute centre's name as the order locked it, for the public notice (公示); added
     * later, so an event written before it reads as null (readers fall back to the partner id).
     */
    public record Completed(String orderId, String buyerId, String partnerId, String offeringId,
                            String facilityId, String district, String category, String facilityType,
                            LocalDate contractDate, long actualAmountFen, long suanliFen, long zhinengFen,
                            long buyerPaysFen, long partnerOwedFen, String invoiceNumber, Instant completedAt,
                            String partnerName) {

        /** The event as it was before {@code partnerName}. */
        public Completed(String orderId, String buyerId, String partnerId, String offeringId, String facilityId,
                         String district, String category, String facilityType, LocalDate contractDate,
                         long actualAmountFen, long suanliFen, long zhinengFen, long buyerPaysFen, long partnerOwedFen,
                         String invoiceNumber, Instant completedAt) {
            this(orderId, buyerId, partnerId, offeringId, facilityId, district, category, facilityType, contractDate,
                    actualAmountFen, suanliFen, zhinengFen, buyerPaysFen, partnerOwedFen, invoiceNumber, completedAt, null);
        }
    }
}
