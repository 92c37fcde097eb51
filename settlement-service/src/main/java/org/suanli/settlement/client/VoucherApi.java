package org.suanli.settlement.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/**
 * voucher-service's read API (docs/CONVENTIONS.md), called with the caller's own bearer token: a read a
 * finance user is waiting on, never a change of voucher-service's state. URL: {@code quarkus.rest-client.voucher.url}.
 * <p>
 * Reads only, so a call that could not reach the service (refused, reset, timed out) is tried once more at once:
 * behind a {@code stork://} URL with several instances (deploy/cluster.sh) that is the next instance.
 */
@Retry(maxRetries = 1, delay = 0, jitter = 0, retryOn = jakarta.ws.rs.ProcessingException.class)
@RegisterRestClient(configKey = "voucher")
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public interface VoucherApi {

    @GET
    @Path("/redemptions")
    List<Redemption> redemptions(@QueryParam("year") int year, @QueryParam("month") Integer month,
                                 @HeaderParam("Authorization") String authorization);

    @GET
    @Path("/budgets")
    List<Budget> budgets(@QueryParam("year") int year, @HeaderParam("Authorization") String authorization);

    /** voucher-service's part of an order's claim dossier (its buyer, partner and officials may read it). */
    @GET
    @Path("/claim-records/{orderId}")
    ClaimRecord claim(@jakarta.ws.rs.PathParam("orderId") String orderId, @HeaderParam("Authorization") String authorization);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ClaimRecord(Hold hold, String partnerId, Buyer buyer, List<Movement> movements, List<AuditEntry> audit) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Hold(String orderId, String buyerId, Integer programYear, String contractDate, String policy, String category,
                String facilityType, String estimatedAmount, String suanliRate, String zhinengRate, String suanliHeld,
                String zhinengHeld, String actualAmount, String suanliRedeemed, String zhinengRedeemed, String status,
                List<String> reasons, String redeemedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Buyer(String id, String name, String creditCode, String type, Boolean sme) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Movement(Long id, String program, Integer year, String kind, String amount, String rate, List<String> reasons,
                    String at) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AuditEntry(Long id, String actor, String action, String subject, String reason, String detail, String at) {
    }

    /** One redeemed order as voucher-service sees it; money as yuan strings. Fields it adds later are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Redemption(String orderId, String buyerId, Integer programYear, String redeemedAt, String actualAmount,
                      String suanli, String zhineng) {
    }

    /** A program's budget for a year and how much of it is held and redeemed; money as yuan strings. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Budget(String program, Integer year, String budget, String held, String redeemed, String remaining) {
    }
}
