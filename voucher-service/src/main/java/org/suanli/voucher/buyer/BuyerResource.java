package org.suanli.voucher.buyer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.suanli.kernel.http.Preconditions;
import org.suanli.kernel.http.Versioned;
import org.suanli.kernel.problem.ProblemException;
import org.suanli.kernel.security.Caller;

import java.util.List;

/** The buyer registry: admin writes, officials read all, a buyer reads only its own. */
@Path("/api/buyers")
public class BuyerResource {

    @Inject
    BuyerRegistry registry;

    @Inject
    Caller caller;

    @Inject
    Preconditions preconditions;

    @GET
    @RolesAllowed({"admin", "finance"})
    public List<BuyerView> all() {
        return registry.all().stream().map(BuyerView::of).toList();
    }

    @GET
    @Path("/me")
    @RolesAllowed("sme")
    @Versioned
    public BuyerView me() {
        return get(caller.enterpriseId());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "finance", "sme"})
    @Versioned
    public BuyerView get(@PathParam("id") String id) {
        // A buyer asking for another buyer learns nothing, not even that it exists.
        if (!caller.isOfficial() && !id.equals(caller.enterpriseId())) {
            throw ProblemException.notFound("Buyer", id);
        }
        return registry.find(id).map(BuyerView::of).orElseThrow(() -> ProblemException.notFound("Buyer", id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed("admin")
    @Versioned
    public BuyerView register(@PathParam("id") String id, @Valid @NotNull BuyerForm form) {
        return preconditions.write("buyer:" + id, () -> registry.find(id).map(BuyerView::of).orElse(null),
                () -> BuyerView.of(registry.register(id, form, caller.name())));
    }
}
