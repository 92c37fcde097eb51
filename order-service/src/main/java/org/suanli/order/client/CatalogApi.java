package org.suanli.order.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * catalog-service's offering read (port 8081), called with the buyer's own token. Read as a tree: unknown fields
 * are fine. While catalog-service is down or stalled, the breaker opens and POSTs are refused at once with 503
 * instead of each waiting for a connection: requests no longer pile up in the client's pool and worker threads,
 * so order-service stays ready and serves again as soon as catalog is back (issue #11).
 */
@RegisterRestClient(configKey = "catalog")
@Path("/api/offerings")
public interface CatalogApi {

    @GET
    @Timeout(3000)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 2000, successThreshold = 2,
            skipOn = WebApplicationException.class)
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    JsonNode offering(@PathParam("id") String id, @HeaderParam("Authorization") String authorization);
}
