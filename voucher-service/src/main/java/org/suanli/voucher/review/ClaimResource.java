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
import org.suanli.voucher.fraud.FraudWatch;
import org.suanli.voucher.fraud.SignalView;

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

    /**
     * {@code reason}: why the claim waits (THRESHOLD: its size; FRAUD_SIGNALS: signals raised when it was held);
     * {@code fraudSignals}: every signal raised on the order, with its evidence, whatever the reason.
     */
    public record ClaimView(String orderId, String buyerId, int programYear, String actualAmount, String suanli,
                            String zhineng, String threshold, String status, Instant openedAt, String reviewedBy,
                            Instant reviewedAt, String reviewNote, String approvedBy, Instant approvedAt,
                            String approvalNote, String refusedBy, Instant refusedAt, String refusalReason,
                            String reason, List<SignalView> fraudSignals) {
        static ClaimView of(ClaimReview c, List<FraudWatch.Raised> signals) {
            return new ClaimView(c.orderId, c.buyerId, c.programYear, Money.format(c.actualAmountFen),
                    Money.format(c.suanliFen), Money.format(c.zhinengFen), Money.format(c.thresholdFen), c.status.name(),
                    c.openedAt, c.reviewedBy, c.reviewedAt, c.reviewNote, c.approvedBy, c.approvedAt, c.approvalNote,
                    c.refusedBy, c.refusedAt, c.refusalReason, c.reason.name(), SignalView.of(signals));
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

    @Inject
    FraudWatch fraud;

    /** {@code status}: comma-separated (IN_REVIEW, REVIEWED, APPROVED, REFUSED); by default the open ones. */
    @GET
    @RolesAllowed({"admin", "finance"})
    public List<ClaimView> list(@QueryParam("status") String status) {
        List<ClaimReview> listed = claims.list(statuses(status));
        java.util.Map<String, List<FraudWatch.Raised>> signals = fraud.on(listed.stream().map(c -> c.orderId).toList());
        return listed.stream().map(c -> ClaimView.of(c, signals.get(c.orderId))).toList();
    }

    @GET
    @Path("/{orderId}")
    @RolesAllowed({"admin", "finance"})
    public ClaimView get(@PathParam("orderId") String orderId) {
        return view(claims.find(orderId));
    }

    @Extension(name = ApiContract.REFUSES, value = "409")
    @POST
    @Path("/{orderId}/review")
    @RolesAllowed("admin")
    public ClaimView review(@PathParam("orderId") String orderId, @Valid NoteForm form) {
        return view(claims.review(orderId, caller.name(), form == null ? null : form.note()));
    }

    @Extension(name = ApiContract.REFUSES, value = "409")
    @POST
    @Path("/{orderId}/approve")
    @RolesAllowed("finance")
    public ClaimView approve(@PathParam("orderId") String orderId, @Valid NoteForm form) {
        return view(claims.approve(orderId, caller.name(), form == null ? null : form.note()));
    }

    @Extension(name = ApiContract.REFUSES, value = "409")
    @POST
    @Path("/{orderId}/refuse")
    @RolesAllowed({"admin", "finance"})
    public ClaimView refuse(@PathParam("orderId") String orderId, @Valid @NotNull RefusalForm form) {
        return view(claims.refuse(orderId, caller.name(), form.reason()));
    }

    private ClaimView view(ClaimReview c) {
        return ClaimView.of(c, fraud.on(c.orderId));
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
