package org.suanli.settlement.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.math.BigDecimal;

/**
 * catalog-service's offering read, with the caller's token. URL: {@code quarkus.rest-client.catalog.url}. Only the
 * offering's fixed description is read (not its capacity, which moves with every order).
 * <p>
 * Reads only, so a call that could not reach the service (refused, reset, timed out) is tried once more at once:
 * behind a {@code stork://} URL with several instances (deploy/cluster.sh) that is the next instance.
 */
@Retry(maxRetries = 1, delay = 0, jitter = 0, retryOn = jakarta.ws.rs.ProcessingException.class)
@RegisterRestClient(configKey = "catalog")
@Path("/api/offerings")
@Produces(MediaType.APPLICATION_JSON)
public interface CatalogApi {

    @GET
    @Path("/{id}")
    Offering offering(@PathParam("id") String id, @HeaderParam("Authorization") String authorization);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Offering(String id, String partnerId, String partnerName, String partnerCreditCode, String facilityName,
                    String district, String facilityType, String category, String filingNumber,
                    String acceleratorModel, Integer acceleratorsPerUnit, Integer memoryGb, BigDecimal fp16Tflops,
                    String unitPrice) {
    }
}
