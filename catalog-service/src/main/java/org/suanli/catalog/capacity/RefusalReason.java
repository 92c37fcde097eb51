package org.suanli.catalog.capacity;

/** Why capacity was refused, in the words of the event contract (CatalogEvents.Capacity.reason). */
public final class RefusalReason {

    private RefusalReason() {
    }

    /**
     * From the offering's and its partner's status at the moment of refusal ({@code null}: no such
     * offering, which an order sees like a withdrawn one). A published offering of an approved partner
     * was refused for want of capacity.
     */
    public static String of(String offeringStatus, String partnerStatus) {
        if (!"PUBLISHED".equals(offeringStatus)) {
            return CapacityLedger.OFFERING_WITHDRAWN;
        }
        if (!"APPROVED".equals(partnerStatus)) {
            return CapacityLedger.PARTNER_NOT_APPROVED;
        }
        return CapacityLedger.NO_CAPACITY;
    }
}
