package org.suanli.order.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ProcessingException;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * catalog-service's offering read (port 8081), called with the buyer's own token. Read as a tree: unknown fields
 * are fine. Called only through {@link CatalogCalls} (its time limit and breaker).
 * <p>
 * A call that could not reach catalog-service (refused, reset, read timeout) is tried once more at once: with
 * several instances behind a {@code stork://} URL (deploy/cluster.sh) the retry goes to the next one, so one dead
 * instance costs a refused connection, not the buyer's request. It is a GET: repeating it changes nothing. An
 * answer (any HTTP status) is never retried.
 */
@RegisterRestClient(configKey = "catalog")
@Path("/api/offerings")
public interface CatalogApi {

    @GET
    @Retry(maxRetries = 1, delay = 0, jitter = 0, retryOn = ProcessingException.class)
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    JsonNode offering(@PathParam("id") String id, @HeaderParam("Authorization") String authorization);
}
