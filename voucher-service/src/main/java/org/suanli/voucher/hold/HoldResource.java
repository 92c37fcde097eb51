package org.suanli.voucher.hold;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.suanli.kernel.api.ApiContract;
import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.suanli.kernel.idempotency.Idempotency;
import org.suanli.kernel.money.Money;
import org.suanli.kernel.problem.ProblemException;
import org.suanli.kernel.security.Caller;
import org.suanli.voucher.fraud.FraudWatch;
import org.suanli.voucher.fraud.SignalView;
import org.suanli.voucher.policy.Category;
import org.suanli.voucher.policy.FacilityType;
import org.suanli.voucher.policy.ZhinengMode;

import java.time.LocalDate;

/**
 * Holds by order. In the marketplace they follow the order's events; the operator can also place one by
 * hand (a contract signed off-platform), with the same rules and the same one-claim-per-contract guard.
 */
@Path("/api/holds")
public class HoldResource {

    public record HoldForm(@NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String orderId, @NotBlank String buyerId,
                           String partnerId, String partnerCreditCode, Boolean partnerApproved,
                           @NotNull Category category, FacilityType facilityType, Boolean filedModel,
                           @NotBlank String amount, @NotNull LocalDate contractDate, ZhinengMode zhinengMode) {
    }

    public record EndForm(@NotBlank @jakarta.validation.constraints.Size(max = 1000) String reason) {
    }

    @Inject
    HoldService holds;

    @Inject
    ManualHolds manual;

    @Inject
    Caller caller;

    @Inject
    Idempotency idempotency;

    @Inject
    org.suanli.voucher.buyer.BuyerRegistry buyers;

    @Inject
    FraudWatch fraud;

    @Operation(summary = "An order's subsidy hold", description = "What is held for one order, at which rates and under which policy; a buyer reads only its own. Officials also see the fraud signals raised when it was decided (fraudSignals; null for a buyer).")
    @GET
    @Path("/{orderId}")
    @RolesAllowed({"sme", "admin", "finance"})
    public HoldView get(@PathParam("orderId") String orderId) {
        SubsidyHold h = holds.find(orderId);
        if (h == null || (!caller.isOfficial() && !h.buyerId.equals(caller.enterpriseId()))) {
            throw ProblemException.notFound("Subsidy hold for order", orderId);
        }
        return caller.isOfficial() ? HoldView.of(h, SignalView.of(fraud.on(orderId))) : HoldView.of(h);
    }

    @Operation(summary = "Hold a subsidy by hand", description = "The operator holds the subsidy of a contract signed off-platform, with the same rules and the one-claim-per-contract guard as orders.")
    @Extension(name = ApiContract.CREATED, value = "true")
    @Extension(name = ApiContract.REFUSES, value = "409 422")
    @POST
    @RolesAllowed("admin")
    public Response hold(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull HoldForm f) {
        // Through the API an unknown buyer is an error to correct; an order event still gets its (zero) answer.
        if (buyers.find(f.buyerId()).isEmpty()) {
            throw ProblemException.unprocessable("buyer-not-registered", "buyer '" + f.buyerId() + "' is not in the registry");
        }
        HoldCommand command = new HoldCommand(f.orderId(), f.buyerId(), f.partnerId(), f.partnerCreditCode(),
                !Boolean.FALSE.equals(f.partnerApproved()), f.category(), f.facilityType(), Boolean.TRUE.equals(f.filedModel()),
                Money.parsePositiveYuan(f.amount()), f.contractDate(), f.zhinengMode() == null ? ZhinengMode.NONE : f.zhinengMode());
        // The order id already makes a hold once per contract; the key adds: another request under the same key is a 409.
        boolean[] created = {false};
        Idempotency.Outcome<HoldView> made = idempotency.once(idempotency.key("hold", caller.name(), idempotencyKey, f), () -> {
            HoldService.Outcome o = manual.place(command, caller.name());
            if (o.conflict() != null) {
                throw ProblemException.conflict("hold-exists", o.conflict());
            }
            created[0] = o.created();
            return HoldView.of(o.hold());
        }, HoldView::orderId, id -> HoldView.of(holds.find(id)));
        return Response.status(made.created() && created[0] ? 201 : 200).entity(made.value()).build();
    }

    /** A manual hold whose off-platform contract did not go ahead: given back in full. */
    @Extension(name = ApiContract.REFUSES, value = "409")
    @POST
    @Path("/{orderId}/release")
    @RolesAllowed("admin")
    public HoldView release(@PathParam("orderId") String orderId, @Valid @NotNull EndForm f) {
        return HoldView.of(manual.end(orderId, ManualHoldRule.End.RELEASE, f.reason(), caller.name()));
    }

    /** A manual hold entered in error: voided, given back in full. */
    @Extension(name = ApiContract.REFUSES, value = "409")
    @POST
    @Path("/{orderId}/void")
    @RolesAllowed("admin")
    public HoldView voidHold(@PathParam("orderId") String orderId, @Valid @NotNull EndForm f) {
        return HoldView.of(manual.end(orderId, ManualHoldRule.End.VOID, f.reason(), caller.name()));
    }
}
