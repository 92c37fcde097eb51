package org.suanli.voucher.fraud;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.suanli.kernel.http.Params;
import org.suanli.voucher.hold.SubsidyHold;

import java.time.Instant;
import java.util.List;

/**
 * The fraud signals raised when holds were decided, for the program office and the finance bureau: each with
 * its evidence and the orders it points to. Never shown to buyers or partners: a signal is a reason to look,
 * not a finding, and telling the parties would tell them what is looked at.
 */
@Path("/api/fraud-signals")
@RolesAllowed({"admin", "finance"})
public class FraudSignalResource {

    /** One signal on one order; {@code holdStatus} is what became of the order's hold so far. */
    public record FraudSignalView(String orderId, String buyerId, String partnerId, int programYear, SignalCode code,
                                  String evidence, List<String> relatedOrders, Instant raisedAt, String holdStatus) {
    }

    @Inject
    FraudWatch fraud;

    @Operation(summary = "Fraud signals", description = "Signals raised on contracts when their holds were decided (split contracts, "
            + "round trips, a price raised before the order, shared particulars), newest first, at most 1000: of one program "
            + "year, and of holds in one status (e.g. IN_REVIEW, waiting for the program office).")
    @GET
    public List<FraudSignalView> list(@QueryParam("year") String yearParam, @QueryParam("status") String statusParam) {
        Integer year = Params.year("year", yearParam, false);
        SubsidyHold.Status status = Params.enumOf(SubsidyHold.Status.class, "status", statusParam);
        List<FraudWatch.Raised> raised = fraud.list(year, status == null ? null : status.name());
        java.util.Map<String, String> statuses = fraud.holdStatuses(raised.stream().map(FraudWatch.Raised::orderId).distinct().toList());
        return raised.stream().map(r -> new FraudSignalView(r.orderId(), r.buyerId(), r.partnerId(), r.programYear(),
                r.signal().code(), r.signal().evidence(), r.signal().relatedOrders(), r.at(), statuses.get(r.orderId()))).toList();
    }
}
