package org.suanli.catalog.offering;

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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.suanli.kernel.http.Params;
import org.suanli.kernel.http.Preconditions;
import org.suanli.kernel.http.Versioned;
import org.suanli.kernel.idempotency.Idempotency;
import org.suanli.kernel.problem.ProblemException;
import org.suanli.kernel.security.Caller;

import java.net.URI;
import java.util.List;

/** A partner's own offerings, in every status; the partner is the token's {@code partner_id}. */
@Path("/api/partners/me/offerings")
@RolesAllowed("partner")
public class PartnerOfferingResource {

    @Inject
    OfferingService offerings;

    @Inject
    Caller caller;

    @Inject
    Preconditions preconditions;

    @Inject
    Idempotency idempotency;

    @Operation(summary = "The partner's own offerings", description = "Every offering of the token's partner, in every status; filter with `status` (DRAFT, PUBLISHED, WITHDRAWN).")
    @GET
    public List<OfferingView> mine(@QueryParam("status") String status) {
        return offerings.own(caller.partnerId(), Params.enumOf(OfferingStatus.class, "status", status));
    }

    @Operation(summary = "One of the partner's offerings", description = "The same representation as GET /api/offerings/{id}, with its ETag for a safe edit.")
    @Extension(name = ApiContract.ETAG, value = "true")
    @GET
    @Path("/{id}")
    @Versioned
    public OfferingView one(@PathParam("id") String id) {
        String partnerId = caller.partnerId();
        return offerings.find(id).filter(o -> o.partnerId().equals(partnerId))
                .orElseThrow(() -> ProblemException.notFound("Offering", id));
    }

    /** Creates a DRAFT; publish it to put it on the shelf. A retry with the same Idempotency-Key creates nothing more. */
    @Operation(summary = "Draft an offering", description = "Creates a DRAFT offering on one of the partner's vetted facilities (price per GPU-hour, capacity, validity); publish it to put it on the shelf. The partner must be approved.")
    @Extension(name = ApiContract.CREATED, value = "location")
    @Extension(name = ApiContract.REFUSES, value = "409 422")
    @Extension(name = ApiContract.ETAG, value = "true")
    @POST
    @Versioned
    public Response create(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull OfferingForm form) {
        String partnerId = caller.partnerId();
        Idempotency.Outcome<OfferingView> made = idempotency.once(
                idempotency.key("offering", partnerId, idempotencyKey, form),
                () -> offerings.create(partnerId, form), OfferingView::id, this::one);
        return Response.status(made.status()).location(URI.create("/api/offerings/" + made.value().id()))
                .entity(made.value()).build();
    }

    @Operation(summary = "Change an offering", description = "Replaces a draft's terms; on a published offering only price, capacity (never below what is reserved and consumed) and validity may change. A withdrawn offering is final.")
    @Extension(name = ApiContract.REFUSES, value = "409 422")
    @Extension(name = ApiContract.ETAG, value = "true")
    @Extension(name = ApiContract.IF_MATCH, value = "true")
    @PUT
    @Path("/{id}")
    @Versioned
    public OfferingView update(@PathParam("id") String id, @Valid @NotNull OfferingForm form) {
        return preconditions.write("offering:" + id, () -> current(id), () -> offerings.update(caller.partnerId(), id, form));
    }

    @Operation(summary = "Publish a draft", description = "Puts the offering on the shelf: buyers find it and may order it.")
    @Extension(name = ApiContract.REFUSES, value = "409 422")
    @Extension(name = ApiContract.ETAG, value = "true")
    @Extension(name = ApiContract.IF_MATCH, value = "true")
    @POST
    @Path("/{id}/publish")
    @Versioned
    public OfferingView publish(@PathParam("id") String id) {
        return preconditions.write("offering:" + id, () -> current(id), () -> offerings.publish(caller.partnerId(), id));
    }

    @Operation(summary = "Withdraw an offering", description = "Takes the offering off the shelf for good; orders already confirmed keep their capacity.")
    @Extension(name = ApiContract.REFUSES, value = "409")
    @Extension(name = ApiContract.ETAG, value = "true")
    @Extension(name = ApiContract.IF_MATCH, value = "true")
    @POST
    @Path("/{id}/withdraw")
    @Versioned
    public OfferingView withdraw(@PathParam("id") String id) {
        return preconditions.write("offering:" + id, () -> current(id), () -> offerings.withdraw(caller.partnerId(), id));
    }

    /** The offering as this partner's GET shows it now; null when it is not theirs (the write then answers 404). */
    private OfferingView current(String id) {
        String partnerId = caller.partnerId();
        return offerings.find(id).filter(o -> o.partnerId().equals(partnerId)).orElse(null);
    }
}
