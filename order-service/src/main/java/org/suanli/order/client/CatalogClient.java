package org.suanli.order.client;

import org.suanli.kernel.units.GpuHours;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.jboss.logging.Logger;
import org.suanli.kernel.money.Money;
import org.suanli.kernel.problem.ProblemException;
import org.suanli.order.order.OfferingSnapshot;
import org.suanli.order.order.Order;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Reads an offering from catalog-service on the buyer's behalf. A read, never a change: the reservation
 * itself happens in catalog-service when it sees OrderPlaced. Catalog down or answering nonsense is a
 * 503/502 (nothing saved); an offering catalog does not know or show to this buyer is a 422.
 */
@ApplicationScoped
public class CatalogClient {

    private static final Logger LOG = Logger.getLogger(CatalogClient.class);

    @Inject
    CatalogCalls api;

    public CatalogOffering offering(String offeringId, String bearer) {
        JsonNode n;
        try {
            n = api.offering(offeringId, bearer);
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            if (status == 404 || status == 410) {
                throw ProblemException.unprocessable("unknown-offering",
                        "offering '" + offeringId + "' does not exist or is not on offer");
            }
            LOG.warnf("catalog-service answered %d for offering %s", status, offeringId);
            throw unavailable();
        } catch (ProcessingException | FaultToleranceException e) {
            LOG.debugf("catalog-service unreachable for offering %s: %s", offeringId, e.getMessage());
            throw unavailable();
        } catch (Exception e) { // the client also throws I/O exceptions unchecked (a connection closed midway)
            LOG.debugf("catalog-service's answer for offering %s broke off: %s", offeringId, e);
            throw unavailable();
        }
        if (n == null || !n.isObject()) {
            throw unreadable(offeringId, "not a JSON object");
        }
        String partnerId = text(n, "partnerId");
        String category = text(n, "category");
        String price = text(n, "unitPrice");
        if (partnerId == null || category == null || price == null) {
            throw unreadable(offeringId, "partnerId, category and unitPrice are required");
        }
        long unitPriceFen;
        try {
            unitPriceFen = Money.parsePositiveYuan(price);
        } catch (IllegalArgumentException e) {
            throw unreadable(offeringId, "unitPrice " + price + ": " + e.getMessage());
        }
        String id = text(n, "id");
        OfferingSnapshot facts = new OfferingSnapshot(id == null ? offeringId : id, partnerId, text(n, "partnerName"),
                text(n, "partnerCreditCode"), text(n, "partnerStatus"), text(n, "facilityId"), text(n, "facilityName"),
                text(n, "district"), text(n, "facilityType"), category, text(n, "filingNumber"),
                text(n, "acceleratorModel"), unitPriceFen);
        return new CatalogOffering(facts, text(n, "status"), GpuHours.parseLenient(text(n, "capacityLeft")),
                instant(text(n, "validFrom"), false), instant(text(n, "validTo"), true));
    }

    private static ProblemException unavailable() {
        return new ProblemException(503, "catalog-unavailable", "A service this request needs is unavailable",
                "catalog-service cannot be reached to read the offering; nothing was saved, try again shortly");
    }

    private static ProblemException unreadable(String offeringId, String why) {
        LOG.errorf("catalog-service's offering %s is unreadable: %s", offeringId, why);
        return new ProblemException(502, "catalog-unreadable", "A service this request needs answered wrongly",
                "catalog-service's answer for offering '" + offeringId + "' could not be read; nothing was saved");
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText();
        return s.isBlank() ? null : s;
    }

    /** An instant, or a date (as a start: that day's beginning; as an end: the next day's, in Asia/Shanghai). */
    static Instant instant(String s, boolean end) {
        if (s == null) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            try {
                LocalDate d = LocalDate.parse(s);
                return (end ? d.plusDays(1) : d).atStartOfDay(Order.CONTRACT_ZONE).toInstant();
            } catch (DateTimeParseException e2) {
                try {
                    return java.time.OffsetDateTime.parse(s).toInstant();
                } catch (DateTimeParseException e3) {
                    return null;
                }
            }
        }
    }
}
