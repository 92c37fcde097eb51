package org.suanli.settlement.batch;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.suanli.kernel.csv.Csv;
import org.suanli.kernel.http.Params;
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

    @GET
    @Path("/{id}")
    @RolesAllowed({"finance", "admin", "partner"})
    public BatchView get(@PathParam("id") String id) {
        return batches.get(id(id), ownPartnerOrNull());
    }

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

    @POST
    @Path("/{id}/close")
    @RolesAllowed({"finance", "admin"})
    public BatchView close(@PathParam("id") String id) {
        return batches.close(id(id), caller.name());
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed("finance")
    public BatchView approve(@PathParam("id") String id) {
        return batches.approve(id(id), caller.name());
    }

    @POST
    @Path("/{id}/pay")
    @RolesAllowed("finance")
    public BatchView pay(@PathParam("id") String id, @Valid @NotNull PaymentForm form) {
        Long amount = form.amount() == null ? null : org.suanli.kernel.money.Money.parseYuan(form.amount());
        return batches.pay(id(id), form.paymentReference(), amount, caller.name());
    }

    private String ownPartnerOrNull() {
        return caller.isOfficial() ? null : caller.partnerId();
    }

    static long id(String text) {
        return Params.id("id", text);
    }
}
