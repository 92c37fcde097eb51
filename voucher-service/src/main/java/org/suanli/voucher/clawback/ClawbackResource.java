package org.suanli.voucher.clawback;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.suanli.kernel.api.ApiContract;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.suanli.kernel.money.Money;
import org.suanli.kernel.problem.ProblemException;
import org.suanli.kernel.security.Caller;
import org.suanli.voucher.hold.HoldService;
import org.suanli.voucher.hold.SubsidyHold;

import java.time.Instant;
import java.util.List;

/**
 * Clawbacks of an order's redeemed subsidy, by the finance bureau, each with a reason and the evidence it
 * rests on. Idempotent by the {@code Idempotency-Key} header (or the body's {@code clawbackId}).
 */
@Path("/api/holds/{orderId}/clawbacks")
public class ClawbackResource {

    public record ClawbackForm(@Pattern(regexp = "[A-Za-z0-9._:-]{1,100}") String clawbackId, String suanli, String zhineng,
                               @NotBlank @Size(max = 1000) String reason, @NotBlank @Size(max = 500) String evidenceRef) {
    }

    /** A clawback, and what is left to claw back of the order's subsidy after it. */
    public record ClawbackView(String id, String orderId, String suanli, String zhineng, String reason, String evidenceRef,
                               String by, Instant at, String suanliLeft, String zhinengLeft) {
        static ClawbackView of(SubsidyClawback c, SubsidyHold h) {
            return new ClawbackView(c.id, c.orderId, Money.format(c.suanliFen), Money.format(c.zhinengFen), c.reason,
                    c.evidenceRef, c.by, c.at, Money.format(ClawbackRule.left(h.suanliRedeemedFen, h.suanliRecoveredFen)),
                    Money.format(ClawbackRule.left(h.zhinengRedeemedFen, h.zhinengRecoveredFen)));
        }
    }

    @Inject
    ClawbackService clawbacks;

    @Inject
    HoldService holds;

    @Inject
    Caller caller;

    /** 201 with the clawback; 200 with the same one when its key is replayed with the same figures. */
    @Extension(name = ApiContract.CREATED, value = "true")
    @Extension(name = ApiContract.REFUSES, value = "409 422")
    @POST
    @RolesAllowed("finance")
    public Response clawBack(@PathParam("orderId") String orderId, @HeaderParam("Idempotency-Key") String header,
                             @Valid @NotNull ClawbackForm f) {
        String key = key(header, f.clawbackId());
        ClawbackService.Outcome o = clawbacks.clawBack(orderId, key, fen(f.suanli()), fen(f.zhineng()), f.reason(),
                f.evidenceRef(), caller.name());
        return Response.status(o.created() ? 201 : 200).entity(ClawbackView.of(o.clawback(), o.hold())).build();
    }

    @GET
    @RolesAllowed({"finance", "admin"})
    public List<ClawbackView> list(@PathParam("orderId") String orderId) {
        SubsidyHold h = holds.find(orderId);
        if (h == null) {
            throw ProblemException.notFound("Subsidy hold for order", orderId);
        }
        return clawbacks.of(orderId).stream().map(c -> ClawbackView.of(c, h)).toList();
    }

    private static String key(String header, String bodyId) {
        String h = header == null || header.isBlank() ? null : header.trim();
        if (h != null && bodyId != null && !h.equals(bodyId)) {
            throw ProblemException.badRequest("the Idempotency-Key header and clawbackId differ; give one, or the same in both");
        }
        String key = h != null ? h : bodyId;
        if (key == null) {
            throw new ProblemException(400, "idempotency-key-required", "The request is malformed",
                    "a clawback needs an Idempotency-Key header (or a clawbackId): a unique value per clawback, e.g. a UUID");
        }
        if (!key.matches("[A-Za-z0-9._:-]{1,100}")) {
            throw ProblemException.badRequest("the idempotency key must be 1–100 letters, digits or . _ : -");
        }
        return key;
    }

    private static long fen(String yuan) {
        return yuan == null || yuan.isBlank() ? 0 : Money.parseYuan(yuan);
    }
}
