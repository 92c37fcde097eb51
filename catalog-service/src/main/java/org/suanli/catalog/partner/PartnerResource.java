package org.suanli.catalog.partner;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.suanli.kernel.api.ApiContract;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.suanli.kernel.http.Params;
import org.suanli.kernel.http.Preconditions;
import org.suanli.kernel.http.Versioned;
import org.suanli.kernel.problem.ProblemException;
import org.suanli.kernel.security.Caller;

import java.util.List;

/** Partners apply for themselves; the bureau (admin) vets; officials read everyone, a partner only itself. */
@Path("/api/partners")
public class PartnerResource {

    @Inject
    PartnerService partners;

    @Inject
    Caller caller;

    @Inject
    Preconditions preconditions;

    @Operation(summary = "All partners", description = "Every compute centre that applied, with facilities, vetting and history; filter with `status`.")
    @GET
    @RolesAllowed({"admin", "finance"})
    public List<PartnerView> all(@QueryParam("status") String status) {
        return partners.list(Params.enumOf(PartnerStatus.class, "status", status));
    }

    @Operation(summary = "The partner's own application", description = "The token's partner as the bureau sees it; 404 `not-applied` before the first application.")
    @Extension(name = ApiContract.REFUSES, value = "404")
    @Extension(name = ApiContract.ETAG, value = "true")
    @GET
    @Path("/me")
    @RolesAllowed("partner")
    @Versioned
    public PartnerView me() {
        String id = caller.partnerId();
        return partners.find(id).orElseThrow(() -> new ProblemException(404, "not-applied", "Not applied yet",
                "partner '" + id + "' has not applied yet: PUT /api/partners/me with your application"));
    }

    /** Apply, or correct the application while it is pending or after a rejection. */
    @Operation(summary = "Apply, or correct the application", description = "A compute centre applies with its company facts and facilities (district, PUE, accelerators); it may correct the application while it is pending or after a rejection.")
    @Extension(name = ApiContract.REFUSES, value = "409")
    @Extension(name = ApiContract.ETAG, value = "true")
    @Extension(name = ApiContract.IF_MATCH, value = "true")
    @PUT
    @Path("/me")
    @RolesAllowed("partner")
    @Versioned
    public PartnerView apply(@Valid @NotNull ApplicationForm form) {
        String id = caller.partnerId();
        return preconditions.write("partner:" + id, () -> partners.find(id).orElse(null),
                () -> partners.apply(id, form, caller.name()));
    }

    @Operation(summary = "One partner", description = "Officials read any partner; a partner only itself (another partner is not found).")
    @Extension(name = ApiContract.ETAG, value = "true")
    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "finance", "partner"})
    @Versioned
    public PartnerView get(@PathParam("id") String id) {
        // another partner learns nothing, not even that this one exists
        if (!caller.isOfficial() && !id.equals(caller.partnerId())) {
            throw ProblemException.notFound("Partner", id);
        }
        return partners.find(id).orElseThrow(() -> ProblemException.notFound("Partner", id));
    }

    @Operation(summary = "Approve a partner", description = "The bureau approves after vetting each facility: facility type (DOMESTIC or OTHER), checked PUE, secure-and-controllable and pricing checks, with a reason kept in the history.")
    @Extension(name = ApiContract.REFUSES, value = "409 422")
    @Extension(name = ApiContract.ETAG, value = "true")
    @Extension(name = ApiContract.IF_MATCH, value = "true")
    @POST
    @Path("/{id}/approve")
    @RolesAllowed("admin")
    @Versioned
    public PartnerView approve(@PathParam("id") String id, @Valid @NotNull ApprovalForm form) {
        return vetting(id, () -> partners.approve(id, form, caller.name()));
    }

    @Operation(summary = "Reject an application", description = "The bureau rejects a pending application with a reason; the partner may correct it and apply again.")
    @Extension(name = ApiContract.REFUSES, value = "409")
    @Extension(name = ApiContract.ETAG, value = "true")
    @Extension(name = ApiContract.IF_MATCH, value = "true")
    @POST
    @Path("/{id}/reject")
    @RolesAllowed("admin")
    @Versioned
    public PartnerView reject(@PathParam("id") String id, @Valid @NotNull ReasonForm form) {
        return vetting(id, () -> partners.reject(id, form.reason(), caller.name()));
    }

    @Operation(summary = "Suspend a partner", description = "Its offerings can no longer be ordered until it is reinstated; the reason is kept in the history.")
    @Extension(name = ApiContract.REFUSES, value = "409")
    @Extension(name = ApiContract.ETAG, value = "true")
    @Extension(name = ApiContract.IF_MATCH, value = "true")
    @POST
    @Path("/{id}/suspend")
    @RolesAllowed("admin")
    @Versioned
    public PartnerView suspend(@PathParam("id") String id, @Valid @NotNull ReasonForm form) {
        return vetting(id, () -> partners.suspend(id, form.reason(), caller.name()));
    }

    @Operation(summary = "Reinstate a suspended partner", description = "Its offerings can be ordered again; the reason is kept in the history.")
    @Extension(name = ApiContract.REFUSES, value = "409")
    @Extension(name = ApiContract.ETAG, value = "true")
    @Extension(name = ApiContract.IF_MATCH, value = "true")
    @POST
    @Path("/{id}/reinstate")
    @RolesAllowed("admin")
    @Versioned
    public PartnerView reinstate(@PathParam("id") String id, @Valid @NotNull ReasonForm form) {
        return vetting(id, () -> partners.reinstate(id, form.reason(), caller.name()));
    }

    /** A vetting decision, honouring If-Match on the partner as the bureau last read it. */
    private PartnerView vetting(String id, java.util.function.Supplier<PartnerView> decision) {
        return preconditions.write("partner:" + id, () -> partners.find(id).orElse(null), decision);
    }
}
