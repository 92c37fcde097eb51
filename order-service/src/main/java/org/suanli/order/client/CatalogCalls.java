package org.suanli.order.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The time limit and the breaker around catalog-service's offering read. While catalog-service is down or stalled,
 * the breaker opens and POSTs are refused at once with 503 instead of each waiting for a connection: requests no
 * longer pile up in the client's pool and worker threads, so order-service stays ready and serves again as soon as
 * catalog is back (issue #11).
 * <p>
 * They sit here, around {@link CatalogApi}'s retry, and not on the REST client itself: MicroProfile Fault Tolerance
 * puts a method's own retry outside its breaker, so with two catalog instances and one dead every other attempt
 * would count as a failure (exactly the 50 % that opens the breaker) and the breaker would refuse orders that the
 * live instance could take. Here the breaker counts the call after its retry on the next instance: it opens when
 * catalog-service as a whole is away, not when one of its instances is.
 */
@ApplicationScoped
public class CatalogCalls {

    @Inject
    @RestClient
    CatalogApi api;

    @Timeout(3000)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 2000, successThreshold = 2,
            skipOn = WebApplicationException.class)
    public JsonNode offering(String id, String authorization) {
        return api.offering(id, authorization);
    }
}
