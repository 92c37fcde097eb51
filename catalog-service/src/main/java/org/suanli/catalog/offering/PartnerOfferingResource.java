package org.suanli.catalog.offering;

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
import jakarta.ws.rs.core.Response;
import org.suanli.kernel.http.Params;
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

    @GET
    public List<OfferingView> mine(@QueryParam("status") String status) {
        return offerings.own(caller.partnerId(), Params.enumOf(OfferingStatus.class, "status", status));
    }

    @GET
    @Path("/{id}")
    public OfferingView one(@PathParam("id") String id) {
        String partnerId = caller.partnerId();
        return offerings.find(id).filter(o -> o.partnerId().equals(partnerId))
                .orElseThrow(() -> ProblemException.notFound("Offering", id));
    }

    /** Creates a DRAFT; publish it to put it on the shelf. */
    @POST
    public Response create(@Valid @NotNull OfferingForm form) {
        OfferingView view = offerings.create(caller.partnerId(), form);
        return Response.created(URI.create("/api/offerings/" + view.id())).entity(view).build();
    }

    @PUT
    @Path("/{id}")
    public OfferingView update(@PathParam("id") String id, @Valid @NotNull OfferingForm form) {
        return offerings.update(caller.partnerId(), id, form);
    }

    @POST
    @Path("/{id}/publish")
    public OfferingView publish(@PathParam("id") String id) {
        return offerings.publish(caller.partnerId(), id);
    }

    @POST
    @Path("/{id}/withdraw")
    public OfferingView withdraw(@PathParam("id") String id) {
        return offerings.withdraw(caller.partnerId(), id);
    }
}
