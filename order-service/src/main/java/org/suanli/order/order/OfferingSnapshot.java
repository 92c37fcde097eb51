package org.suanli.order.order;

/**
 * The offering's facts as catalog-service showed them when the order was placed: copied into the order,
 * so that the contract and the events about it never depend on what the catalog says later.
 */
public record OfferingSnapshot(String offeringId, String partnerId, String partnerName, String partnerCreditCode,
                               String partnerStatus, String facilityId, String facilityName, String district,
                               String facilityType, String category, String filingNumber, String acceleratorModel,
                               long unitPriceFen) {

    /** Only a partner the bureau approved (市级算力伙伴) earns vouchers. */
    public boolean partnerApproved() {
        return "APPROVED".equalsIgnoreCase(partnerStatus);
    }

    /** A model-service offering on a model with a national filing number. */
    public boolean filedModel() {
        return filingNumber != null && !filingNumber.isBlank();
    }
}
