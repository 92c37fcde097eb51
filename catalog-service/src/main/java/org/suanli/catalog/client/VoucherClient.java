package org.suanli.catalog.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** voucher-service's quote API (a read on the buyer's behalf: the buyer's own token is passed on). */
@RegisterRestClient(configKey = "voucher")
@Path("/api/quotes")
public interface VoucherClient {

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    QuoteBatch quote(@HeaderParam("Authorization") String authorization, QuoteRequest request);
}
