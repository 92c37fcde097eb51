package org.suanli.catalog.offering;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.suanli.kernel.api.ApiContract;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.suanli.kernel.http.Versioned;
import org.suanli.kernel.problem.ProblemException;
import org.suanli.kernel.security.Caller;

/**
 * One offering, with what order-service needs to place an order on it. Officials see every offering;
 * a partner only its own; a buyer every offering that has ever been published (a draft stays hidden).
 */
@Path("/api/offerings/{id}")
public class OfferingResource {

    @Inject
    OfferingService offerings;

    @Inject
    Caller caller;

    @Operation(summary = "One offering", description = "Everything an order needs: partner, facility, category, price and capacity left. Officials see every offering, a partner only its own, a buyer every offering ever published (drafts stay hidden).")
    @Extension(name = ApiContract.ETAG, value = "true")
    @GET
    @Versioned
    @RolesAllowed({"sme", "partner", "admin", "finance"})
    public OfferingView get(@PathParam("id") String id) {
        OfferingView view = offerings.find(id).orElseThrow(() -> ProblemException.notFound("Offering", id));
        boolean visible = caller.isOfficial()
                || (caller.is("partner") && view.partnerId().equals(caller.partnerId()))
                || (caller.is("sme") && view.status() != OfferingStatus.DRAFT);
        if (!visible) {
            throw ProblemException.notFound("Offering", id);
        }
        return view;
    }
}
