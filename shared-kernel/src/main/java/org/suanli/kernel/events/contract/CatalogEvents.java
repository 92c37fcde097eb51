package org.suanli.kernel.events.contract;

/**
 * Events of catalog-service: capacity answers on topic {@code catalog.offerings} keyed by offering id,
 * partner vetting on {@code catalog.partners} keyed by partner id.
 */
public final class CatalogEvents {

    public static final String PARTNERS_TOPIC = "catalog.partners";

    public static final String PARTNER_APPROVED = "PartnerApproved";
    public static final String PARTNER_SUSPENDED = "PartnerSuspended";
    public static final String OFFERING_PUBLISHED = "OfferingPublished";
    public static final String OFFERING_CHANGED = "OfferingChanged";
    public static final String OFFERING_WITHDRAWN = "OfferingWithdrawn";
    public static final String CAPACITY_RESERVED = "CapacityReserved";
    public static final String CAPACITY_REFUSED = "CapacityRefused";
    public static final String CAPACITY_RELEASED = "CapacityReleased";
    public static final String CAPACITY_CONSUMED = "CapacityConsumed";

    private CatalogEvents() {
    }

    /**
     * {@code creditCode} and the particulars (legal representative, address, contact) are the partner's as the
     * bureau vetted them, for voucher-service's fraud signals (a buyer sharing them with its seller); added later
     * and optional, so an event written before them, or by a catalog that does not ask for them yet, reads as null.
     */
    public record PartnerStatusChanged(String partnerId, String status, String reason, String creditCode,
                                       String legalRepresentative, String address, String contact) {

        /** The event as it was before the particulars. */
        public PartnerStatusChanged(String partnerId, String status, String reason) {
            this(partnerId, status, reason, null, null, null, null);
        }
    }

    public record OfferingChanged(String offeringId, String partnerId, String status, long unitPriceFen,
                                  long capacityTenths) {
    }

    /** Answer to an order's request for capacity; {@code reason} set when refused (NO_CAPACITY, OFFERING_WITHDRAWN, PARTNER_NOT_APPROVED). */
    public record Capacity(String orderId, String offeringId, long gpuHoursTenths, String reason) {
    }
}
