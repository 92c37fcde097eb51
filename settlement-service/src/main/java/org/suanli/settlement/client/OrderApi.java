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

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * order-service's order read, with the caller's token: order-service decides who may see the order (its buyer, its
 * partner, officials; anyone else gets 404). URL: {@code quarkus.rest-client.orders.url}. Only the fields the claim
 * dossier carries are read; fields added later are ignored.
 * <p>
 * Reads only, so a call that could not reach the service (refused, reset, timed out) is tried once more at once:
 * behind a {@code stork://} URL with several instances (deploy/cluster.sh) that is the next instance.
 */
@Retry(maxRetries = 1, delay = 0, jitter = 0, retryOn = jakarta.ws.rs.ProcessingException.class)
@RegisterRestClient(configKey = "orders")
@Path("/api/orders")
@Produces(MediaType.APPLICATION_JSON)
public interface OrderApi {

    @GET
    @Path("/{id}")
    Order order(@PathParam("id") String id, @HeaderParam("Authorization") String authorization);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Order(String id, String state, String buyerId, Offering offering, String gpuHours, String unitPrice,
                 String estimate, Instant windowStart, Instant windowEnd, String zhinengMode, LocalDate contractDate,
                 Instant placedAt, Subsidy subsidy, Delivery delivery, Completion completion, String endReason,
                 List<History> history) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Offering(String id, String partnerId, String partnerName, String partnerCreditCode, String facilityId,
                    String facilityName, String district, String facilityType, String category,
                    String acceleratorModel, String filingNumber) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Subsidy(String status, Integer programYear, String policy, String suanliRate, String zhinengRate,
                   String suanliHeld, String zhinengHeld, List<String> reasons) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Delivery(String gpuHoursUsed, String invoiceNumber, String actualAmount, Instant deliveredAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Completion(String actualAmount, String suanli, String zhineng, String buyerPays, String partnerOwed,
                      Instant completedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record History(String from, String to, Instant at, String actor, String reason) {
    }
}
