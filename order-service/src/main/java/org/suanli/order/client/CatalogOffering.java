package org.suanli.order.client;

import org.suanli.order.order.OfferingSnapshot;

import java.time.Instant;

/**
 * What order-service needs from catalog-service's offering: the facts to copy into the order, what is left
 * of its capacity, its status and validity.
 *
 * @param capacityLeftTenths null if catalog did not say
 * @param validFrom          null if catalog did not say (or in a form not understood)
 * @param validTo            exclusive end of validity; null if not said
 */
public record CatalogOffering(OfferingSnapshot facts, String status, Long capacityLeftTenths, Instant validFrom,
                              Instant validTo) {

    /**
     * Why nobody can order it now, or null if it can be ordered: the offering is off the shelf, or its partner is
     * not (or no longer) approved: a suspended partner's offerings stay PUBLISHED in catalog but take no orders,
     * and are refused at once like a withdrawn one rather than accepted and rejected a moment later. The one
     * place of this rule in order-service, whatever feeds it (a read from catalog today, a local copy later).
     */
    public String refusal() {
        if (status != null && switch (status.toUpperCase()) {
            case "WITHDRAWN", "DRAFT", "SUSPENDED", "RETIRED", "CLOSED", "ARCHIVED", "EXPIRED" -> true;
            default -> false;
        }) {
            return "is " + status + " and cannot be ordered";
        }
        String partnerStatus = facts == null ? null : facts.partnerStatus();
        if (partnerStatus != null && !partnerStatus.equalsIgnoreCase("APPROVED")) {
            return "belongs to a partner that is " + partnerStatus + " and cannot be ordered";
        }
        return null;
    }
}
