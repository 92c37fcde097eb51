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

    /** Statuses that mean nobody can order it now. */
    public boolean closed() {
        return status != null && switch (status.toUpperCase()) {
            case "WITHDRAWN", "DRAFT", "SUSPENDED", "RETIRED", "CLOSED", "ARCHIVED", "EXPIRED" -> true;
            default -> false;
        };
    }
}
