package org.suanli.settlement.dossier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.suanli.settlement.client.CatalogApi;
import org.suanli.settlement.client.OrderApi;
import org.suanli.settlement.client.VoucherApi;

/**
 * The dossier's reads of the other services, each with the caller's token, bounded in time and behind a circuit
 * breaker per service: a person waits for the dossier, so a slow or failing neighbour answers quickly with a 503
 * instead of holding the request. An HTTP answer (even 404) means the neighbour is up, so it never opens a breaker.
 */
@ApplicationScoped
public class DossierSources {

    @Inject
    @RestClient
    OrderApi orders;

    @Inject
    @RestClient
    CatalogApi catalog;

    @Inject
    @RestClient
    VoucherApi voucher;

    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, skipOn = WebApplicationException.class)
    public OrderApi.Order order(String orderId, String bearer) {
        return orders.order(orderId, bearer);
    }

    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, skipOn = WebApplicationException.class)
    public CatalogApi.Offering offering(String offeringId, String bearer) {
        return catalog.offering(offeringId, bearer);
    }

    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, skipOn = WebApplicationException.class)
    public VoucherApi.ClaimRecord claim(String orderId, String bearer) {
        return voucher.claim(orderId, bearer);
    }
}
