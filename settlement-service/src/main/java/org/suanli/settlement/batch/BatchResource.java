package org.suanli.settlement.batch;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.suanli.kernel.api.ApiContract;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.suanli.kernel.csv.Csv;
import org.suanli.kernel.http.Params;
import org.suanli.kernel.http.Preconditions;
import org.suanli.kernel.http.Versioned;
import org.suanli.kernel.idempotency.Idempotency;
import org.suanli.kernel.problem.ProblemException;
import org.suanli.kernel.security.Caller;

import java.util.List;

/**
 * Settlement batches and statements. A partner reads only its own (another partner's is "not found");
 * finance and admin read all. Closing: finance or admin; approving and paying: finance only.
 */
@Path("/api/batches")
@Produces(MediaType.APPLICATION_JSON)
public class BatchResource {

    @Inject
    BatchService batches;

    @Inject
    Caller caller;

    @Inject
    Preconditions preconditions;

    @Inject
    Idempotency idempotency;

    @Operation(summary = "Settlement batches", description = "Monthly batches per partner; filter by `partner` (officials), `period` (YYYY-MM) and `status`. A partner sees only its own.")
    @GET
    @RolesAllowed({"finance", "admin", "partner"})
    public List<BatchView> list(@QueryParam("partner") String partner, @QueryParam("period") String period,
                                @QueryParam("status") String status) {
        String asked = Params.text("partner", partner);
        String partnerId = caller.isOfficial() ? asked : caller.partnerId();
        if (asked != null && !asked.equals(partnerId)) {
            // A partner filtering on another partner is told so, not silently shown its own batches.
            throw ProblemException.forbidden("a partner sees only its own batches; leave out partner or give your own ('"
                    + partnerId + "')");
        }
        return batches.list(partnerId, Params.text("period", period), Params.enumOf(BatchStatus.class, "status", status));
    }

    @Operation(summary = "One settlement batch", description = "Its totals and statement lines; a partner reads only its own.")
    @Extension(name = ApiContract.ETAG, value = "true")
    @GET
    @Path("/{id}")
    @RolesAllowed({"finance", "admin", "partner"})
    @Versioned
    public BatchView get(@PathParam("id") String id) {
        return batches.get(id(id), ownPartnerOrNull());
    }

    @Operation(summary = "A batch's statement as CSV", description = "The statement lines for the finance office and the partner, one row per order.")
    @GET
    @Path("/{id}/statement.csv")
    @Produces("text/csv")
    @RolesAllowed({"finance", "admin", "partner"})
    public Response statementCsv(@PathParam("id") String id) {
        long batchId = id(id);
        String csv = batches.statementCsv(batchId, ownPartnerOrNull());
        return Response.ok(csv, Csv.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"settlement-batch-" + batchId + ".csv\"").build();
    }

    @Operation(summary = "Close a batch", description = "No more orders join it; it awaits the finance bureau's approval.")
    @Extension(name = ApiContract.REFUSES, value = "409")
    @Extension(name = ApiContract.ETAG, value = "true")
    @Extension(name = ApiContract.IF_MATCH, value = "true")
    @POST
    @Path("/{id}/close")
    @RolesAllowed({"finance", "admin"})
    @Versioned
    public BatchView close(@PathParam("id") String id) {
        long batchId = id(id);
        return preconditions.write("batch:" + batchId, () -> current(batchId), () -> {
            batches.close(batchId, caller.name());
            return current(batchId);
        });
    }

    @Operation(summary = "Approve a closed batch", description = "The finance bureau approves the amounts owed to the partner.")
    @Extension(name = ApiContract.REFUSES, value = "409")
    @Extension(name = ApiContract.ETAG, value = "true")
    @Extension(name = ApiContract.IF_MATCH, value = "true")
    @POST
    @Path("/{id}/approve")
    @RolesAllowed("finance")
    @Versioned
    public BatchView approve(@PathParam("id") String id) {
        long batchId = id(id);
        return preconditions.write("batch:" + batchId, () -> current(batchId), () -> {
            batches.approve(batchId, caller.name());
            return current(batchId);
        });
    }

    @Operation(summary = "Record a batch's payment", description = "Finance records the bank transfer's reference (unique across batches) on an approved batch.")
    @Extension(name = ApiContract.REFUSES, value = "409 422")
    @Extension(name = ApiContract.ETAG, value = "true")
    @Extension(name = ApiContract.IF_MATCH, value = "true")
    @POST
    @Path("/{id}/pay")
    @RolesAllowed("finance")
    @Versioned
    public Response pay(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @PathParam("id") String id,
                        @Valid @NotNull PaymentForm form) {
        long batchId = id(id);
        Long amount = form.amount() == null ? null : org.suanli.kernel.money.Money.parseYuan(form.amount());
        // A retried payment with the same key answers the paid batch again instead of "already paid".
        Idempotency.Outcome<BatchView> paid = idempotency.once(
                idempotency.key("payment", caller.name(), idempotencyKey, List.of(batchId, form)),
                () -> preconditions.write("batch:" + batchId, () -> current(batchId), () -> {
                    batches.pay(batchId, form.paymentReference(), amount, caller.name());
                    return current(batchId);
                }),
                b -> String.valueOf(batchId), ignored -> batches.get(batchId, null));
        return Response.ok(paid.value()).build();
    }

    /**
     * The batch as an official's GET shows it now; null when there is none. Writes answer it too (lines and payment
     * included), so their ETag is the one a later GET gives and can go straight back as If-Match.
     */
    private BatchView current(long batchId) {
        try {
            return batches.get(batchId, null);
        } catch (ProblemException notFound) {
            return null;
        }
    }

    private String ownPartnerOrNull() {
        return caller.isOfficial() ? null : caller.partnerId();
    }

    static long id(String text) {
        return Params.id("id", text);
    }
}
