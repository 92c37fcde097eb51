package org.suanli.voucher.review;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.suanli.kernel.api.ApiContract;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.suanli.kernel.money.Money;
import org.suanli.kernel.problem.ProblemException;
import org.suanli.kernel.security.Caller;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Large claims waiting for review: the program office (admin) reviews, the finance bureau (finance)
 * approves for payment — two different people — or either refuses with a reason.
 */
@Path("/api/claims")
public class ClaimResource {

    public record ClaimView(String orderId, String buyerId, int programYear, String actualAmount, String suanli,
                            String zhineng, String threshold, String status, Instant openedAt, String reviewedBy,
                            Instant reviewedAt, String reviewNote, String approvedBy, Instant approvedAt,
                            String approvalNote, String refusedBy, Instant refusedAt, String refusalReason) {
        static ClaimView of(ClaimReview c) {
            return new ClaimView(c.orderId, c.buyerId, c.programYear, Money.format(c.actualAmountFen),
                    Money.format(c.suanliFen), Money.format(c.zhinengFen), Money.format(c.thresholdFen), c.status.name(),
                    c.openedAt, c.reviewedBy, c.reviewedAt, c.reviewNote, c.approvedBy, c.approvedAt, c.approvalNote,
                    c.refusedBy, c.refusedAt, c.refusalReason);
        }
    }

    public record NoteForm(@Size(max = 1000) String note) {
    }

    public record RefusalForm(@NotBlank @Size(max = 1000) String reason) {
    }

    @Inject
    ClaimReviews claims;

    @Inject
    Caller caller;

    /** {@code status}: comma-separated (IN_REVIEW, REVIEWED, APPROVED, REFUSED); by default the open ones. */
    @GET
    @RolesAllowed({"admin", "finance"})
    public List<ClaimView> list(@QueryParam("status") String status) {
        return claims.list(statuses(status)).stream().map(ClaimView::of).toList();
    }

    @GET
    @Path("/{orderId}")
    @RolesAllowed({"admin", "finance"})
    public ClaimView get(@PathParam("orderId") String orderId) {
        return ClaimView.of(claims.find(orderId));
    }

    @Extension(name = ApiContract.REFUSES, value = "409")
    @POST
    @Path("/{orderId}/review")
    @RolesAllowed("admin")
    public ClaimView review(@PathParam("orderId") String orderId, @Valid NoteForm form) {
        return ClaimView.of(claims.review(orderId, caller.name(), form == null ? null : form.note()));
    }

    @Extension(name = ApiContract.REFUSES, value = "409")
    @POST
    @Path("/{orderId}/approve")
    @RolesAllowed("finance")
    public ClaimView approve(@PathParam("orderId") String orderId, @Valid NoteForm form) {
        return ClaimView.of(claims.approve(orderId, caller.name(), form == null ? null : form.note()));
    }

    @Extension(name = ApiContract.REFUSES, value = "409")
    @POST
    @Path("/{orderId}/refuse")
    @RolesAllowed({"admin", "finance"})
    public ClaimView refuse(@PathParam("orderId") String orderId, @Valid @NotNull RefusalForm form) {
        return ClaimView.of(claims.refuse(orderId, caller.name(), form.reason()));
    }

    private static Set<ClaimReview.Status> statuses(String param) {
        Set<ClaimReview.Status> s = EnumSet.noneOf(ClaimReview.Status.class);
        if (param == null || param.isBlank()) {
            return s;
        }
        for (String v : param.split(",")) {
            try {
                s.add(ClaimReview.Status.valueOf(v.trim()));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("status '" + v.trim() + "' is none of IN_REVIEW, REVIEWED, APPROVED, REFUSED");
            }
        }
        return s;
    }
}
