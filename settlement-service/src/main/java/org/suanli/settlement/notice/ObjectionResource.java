package org.suanli.settlement.notice;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.suanli.kernel.api.ApiContract;
import org.suanli.kernel.http.Params;
import org.suanli.kernel.http.Preconditions;
import org.suanli.kernel.http.Versioned;
import org.suanli.kernel.problem.ProblemException;
import org.suanli.kernel.security.Caller;

import java.util.List;

/** The program office's side of the objections: read them (with the filer's contact) and answer each once. */
@Path("/api/objections")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"finance", "admin"})
public class ObjectionResource {

    @Inject
    NoticeService notices;

    @Inject
    Caller caller;

    @Inject
    Preconditions preconditions;

    @Operation(summary = "Objections to the public notice", description = "Oldest first; filter by `status` (OPEN, UPHELD, DISMISSED). With the filer's contact, and for an upheld one what voucher-service must claw back.")
    @GET
    public List<NoticeViews.ObjectionView> list(@QueryParam("status") String status) {
        return notices.objections(Params.enumOf(ObjectionRules.Status.class, "status", status));
    }

    @Operation(summary = "One objection", description = "With the filer's contact, whether its order is held out of settlement, and for an upheld one the clawback due.")
    @Extension(name = ApiContract.ETAG, value = "true")
    @GET
    @Path("/{id}")
    @Versioned
    public NoticeViews.ObjectionView get(@PathParam("id") String id) {
        return notices.objection(Params.id("id", id));
    }

    @Operation(summary = "Answer an objection", description = "UPHELD or DISMISSED, with a note; an answer is final (409 objection-answered). DISMISSED puts a held-out order back into its partner's open batch; UPHELD keeps it out until voucher-service's clawback (POST /api/holds/{orderId}/clawbacks with the answer's `clawback`) reaches the ledger.")
    @Extension(name = ApiContract.ETAG, value = "true")
    @Extension(name = ApiContract.IF_MATCH, value = "true")
    @Extension(name = ApiContract.REFUSES, value = "409")
    @POST
    @Path("/{id}/answer")
    public NoticeViews.ObjectionView answer(@PathParam("id") String id, @Valid @NotNull NoticeViews.AnswerForm form) {
        long objectionId = Params.id("id", id);
        return preconditions.write("objection:" + objectionId, () -> current(objectionId),
                () -> notices.answer(objectionId, form.decision(), form.note(), caller.name()));
    }

    private NoticeViews.ObjectionView current(long id) {
        try {
            return notices.objection(id);
        } catch (ProblemException notFound) {
            return null;
        }
    }
}
