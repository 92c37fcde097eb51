package org.suanli.voucher.buyer;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.suanli.kernel.api.ApiContract;
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

    @Operation(summary = "The buyer registry", description = "Every registered buyer (enterprise, university, research institute).")
    @GET
    @RolesAllowed({"admin", "finance"})
    public List<BuyerView> all() {
        return registry.all().stream().map(BuyerView::of).toList();
    }

    @Operation(summary = "The buyer's own registration", description = "The registry entry of the token's enterprise.")
    @Extension(name = ApiContract.REFUSES, value = "404")
    @Extension(name = ApiContract.ETAG, value = "true")
    @GET
    @Path("/me")
    @RolesAllowed("sme")
    @Versioned
    public BuyerView me() {
        return get(caller.enterpriseId());
    }

    @Operation(summary = "One buyer", description = "Officials read any buyer; a buyer only itself.")
    @Extension(name = ApiContract.ETAG, value = "true")
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

    @Operation(summary = "Register or update a buyer", description = "The operator registers a buyer: type, SME flag, credit code, foundation-model cap override, related parties.")
    @Extension(name = ApiContract.REFUSES, value = "409 422")
    @Extension(name = ApiContract.ETAG, value = "true")
    @Extension(name = ApiContract.IF_MATCH, value = "true")
    @PUT
    @Path("/{id}")
    @RolesAllowed("admin")
    @Versioned
    public BuyerView register(@PathParam("id") String id, @Valid @NotNull BuyerForm form) {
        return preconditions.write("buyer:" + id, () -> registry.find(id).map(BuyerView::of).orElse(null),
                () -> BuyerView.of(registry.register(id, form, caller.name())));
    }
}
