package org.suanli.order.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** catalog-service's offering read (port 8081), called with the buyer's own token. Read as a tree: unknown fields are fine. */
@RegisterRestClient(configKey = "catalog")
@Path("/api/offerings")
public interface CatalogApi {

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    JsonNode offering(@PathParam("id") String id, @HeaderParam("Authorization") String authorization);
}
