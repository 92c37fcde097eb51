package org.suanli.order.order;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.suanli.kernel.api.ApiContract;
import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.suanli.kernel.http.Params;
import org.suanli.kernel.idempotency.Idempotency;
import org.suanli.kernel.problem.ProblemException;
import org.suanli.kernel.security.Caller;

import java.time.LocalDate;

/**
 * Orders: a buyer (sme) places and cancels its own, the partner reports delivery on orders of its
 * offerings; everybody reads what is theirs (admin and finance all). Someone else's order is a 404.
 */
@Path("/api/orders")
public class OrderResource {

    static final int MAX_PAGE_SIZE = 100;

    @Inject
    OrderService orders;

    @Inject
    Caller caller;

    @Inject
    Idempotency idempotency;

    /** 201 with the new order; 200 with the same order when the Idempotency-Key and body repeat an earlier request. */
    @Operation(summary = "Place an order", description = "Orders GPU-hours of a published offering for a window; the price is locked from catalog-service. The order is PLACED, then CONFIRMED once capacity is reserved and the subsidy held (or REJECTED). `Idempotency-Key` is required.")
    @Extension(name = ApiContract.CREATED, value = "location")
    @Extension(name = ApiContract.REFUSES, value = "409 422 502 503")
    @POST
    @RolesAllowed(Caller.SME)
    public Response place(@HeaderParam("Idempotency-Key") String idempotencyKey, @Valid @NotNull OrderForm form,
                          @Context UriInfo uri) {
        OrderService.Placed placed = orders.place(caller.enterpriseId(), idempotencyKey, form, caller.bearer(), caller.name());
        if (placed.created()) {
            return Response.created(uri.getAbsolutePathBuilder().path(placed.order().id()).build())
                    .entity(placed.order()).build();
        }
        return Response.ok(placed.order()).build();
    }

    @Operation(summary = "List orders", description = "Newest first, paged (`page`, `size` ≤ 100), filtered by `state` and contract date (`from`, `to`). A buyer sees its own, a partner those on its offerings, officials all.")
    @GET
    @RolesAllowed({Caller.SME, Caller.PARTNER, Caller.ADMIN, Caller.FINANCE})
    public OrderPage list(@QueryParam("state") String state, @QueryParam("from") String from,
                          @QueryParam("to") String to, @QueryParam("page") String page,
                          @QueryParam("size") String size) {
        int p = Params.integer("page", page, 0, 0, Integer.MAX_VALUE);
        int s = Params.integer("size", size, 20, 1, MAX_PAGE_SIZE);
        LocalDate fromDate = Params.date("from", from);
        LocalDate toDate = Params.date("to", to);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            throw ProblemException.badRequest("parameter 'to' must not be before 'from'");
        }
        return orders.list(Viewer.of(caller), Params.enumOf(OrderState.class, "state", state), fromDate, toDate, p, s);
    }

    @Operation(summary = "One order", description = "The contract with its state, locked price and subsidy, delivery and history. Someone else's order is not found.")
    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.SME, Caller.PARTNER, Caller.ADMIN, Caller.FINANCE})
    public OrderView get(@PathParam("id") String id) {
        return orders.get(id, Viewer.of(caller));
    }

    /** The buyer cancels before delivery, with a note: {"reason": "…"}. */
    @Operation(summary = "Cancel an order, with a note", description = "The buyer cancels before delivery with `{\"reason\": \"…\"}`; capacity and the subsidy hold are given back.")
    @Extension(name = ApiContract.REFUSES, value = "409")
    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.SME)
    public OrderView cancel(@PathParam("id") String id, @Valid CancelForm form) {
        return orders.cancel(id, caller.enterpriseId(), form == null ? null : form.reason(), caller.name());
    }

    /** The buyer cancels before delivery, without a note (no body). */
    @Operation(summary = "Cancel an order", description = "The buyer cancels before delivery, without a body; capacity and the subsidy hold are given back.")
    @Extension(name = ApiContract.REFUSES, value = "409")
    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Caller.SME)
    public OrderView cancelWithoutNote(@PathParam("id") String id) {
        return orders.cancel(id, caller.enterpriseId(), null, caller.name());
    }

    /**
     * The order's partner reports metered GPU-hours and the invoice number. A retry with the same Idempotency-Key
     * answers the delivered order again (200) instead of "already delivered".
     */
    @Operation(summary = "Report delivery", description = "The order's partner reports the metered GPU-hours (at most those ordered) and the invoice number (one order per invoice); the subsidy is redeemed on the actual amount.")
    @Extension(name = ApiContract.REFUSES, value = "409 422")
    @POST
    @Path("/{id}/delivery")
    @RolesAllowed(Caller.PARTNER)
    public OrderView deliver(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @PathParam("id") String id,
                             @Valid @NotNull DeliveryForm form) {
        String partnerId = caller.partnerId();
        return idempotency.once(idempotency.key("delivery", partnerId, idempotencyKey, java.util.List.of(id, form)),
                () -> orders.deliver(id, partnerId, form, caller.name()), OrderView::id,
                orderId -> orders.get(orderId, Viewer.of(caller))).value();
    }

}
