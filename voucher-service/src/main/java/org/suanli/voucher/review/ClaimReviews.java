package org.suanli.voucher.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.suanli.kernel.events.Topics;
import org.suanli.kernel.events.contract.VoucherEvents;
import org.suanli.kernel.money.Money;
import org.suanli.kernel.outbox.Outbox;
import org.suanli.kernel.problem.ProblemException;
import org.suanli.voucher.audit.AuditTrail;
import org.suanli.voucher.fraud.FraudWatch;
import org.suanli.voucher.hold.HoldService;
import org.suanli.voucher.hold.SubsidyHold;
import org.suanli.voucher.policy.Redemption;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reviewed large claims, the use cases: opened at delivery (from {@link HoldService#redeem}), reviewed,
 * approved (then redeemed: SubsidyRedeemed, payable) or refused (the hold given back: SubsidyReleased).
 * The rules are {@link ClaimReview}'s; here only locking, writing, audit and events.
 */
@ApplicationScoped
public class ClaimReviews {

    /** Who opens a review in the audit trail: the delivery event, not a person. */
    static final String SYSTEM = "voucher-service";

    @Inject
    EntityManager em;

    @Inject
    ReviewConfig config;

    @Inject
    HoldService holds;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    public boolean needsReview(long actualAmountFen, Redemption r) {
        return ClaimReview.needed(actualAmountFen, r.suanliRedeemedFen() + r.zhinengRedeemedFen(), config.threshold());
    }

    /** Whether the claim would pay any subsidy: a zero claim has nothing to approve. */
    public static boolean paysAnything(Redemption r) {
        return r.suanliRedeemedFen() + r.zhinengRedeemedFen() > 0;
    }

    /**
     * A delivered claim starts waiting, for its size or for the fraud signals raised on it ({@code signals}, empty
     * when none are to be reviewed); SubsidyInReview says it is not payable yet.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ClaimReview open(SubsidyHold h, Redemption r, Instant now, List<FraudWatch.Raised> signals) {
        ClaimReview c = new ClaimReview();
        c.orderId = h.orderId;
        c.buyerId = h.buyerId;
        c.programYear = h.programYear;
        c.actualAmountFen = h.actualAmountFen;
        c.suanliFen = r.suanliRedeemedFen();
        c.zhinengFen = r.zhinengRedeemedFen();
        c.thresholdFen = config.threshold();
        c.status = ClaimReview.Status.IN_REVIEW;
        c.openedAt = now;
        boolean large = needsReview(h.actualAmountFen, r);
        c.reason = large ? ClaimReview.Reason.THRESHOLD : ClaimReview.Reason.FRAUD_SIGNALS;
        em.persist(c);
        String why = large ? "actual amount " + Money.format(h.actualAmountFen) + " CNY is above the review threshold of "
                + Money.format(c.thresholdFen) + " CNY" : "";
        if (!signals.isEmpty()) {
            // Which signals, and their evidence, are in their own FRAUD_SIGNAL_RAISED entries, read by officials only:
            // this entry is part of the claim's dossier, which its buyer and partner read too.
            why += (why.isEmpty() ? "" : "; ") + "selected for review before payment";
        }
        audit.record(SYSTEM, "CLAIM_IN_REVIEW", "order:" + h.orderId, why, amounts(c));
        outbox.record(Topics.VOUCHERS, VoucherEvents.IN_REVIEW, h.orderId, h.orderId,
                new VoucherEvents.InReview(h.orderId, h.buyerId, h.programYear, c.actualAmountFen, c.suanliFen,
                        c.zhinengFen, c.thresholdFen));
        return c;
    }

    public List<ClaimReview> list(Set<ClaimReview.Status> statuses) {
        return em.createQuery("from ClaimReview where status in :s order by openedAt, orderId", ClaimReview.class)
                .setParameter("s", statuses.isEmpty() ? EnumSet.of(ClaimReview.Status.IN_REVIEW, ClaimReview.Status.REVIEWED) : statuses)
                .getResultList();
    }

    public ClaimReview find(String orderId) {
        ClaimReview c = em.find(ClaimReview.class, orderId);
        if (c == null) {
            throw ProblemException.notFound("Claim in review for order", orderId);
        }
        return c;
    }

    /** The program office recommends the claim for payment. */
    @Transactional
    public ClaimReview review(String orderId, String by, String note) {
        ClaimReview c = lockClaim(orderId);
        if (apply(c.review(by, note, Instant.now()))) {
            audit.record(by, "CLAIM_REVIEWED", "order:" + orderId, note == null ? "" : note, amounts(c));
        }
        return c;
    }

    /** The finance bureau approves the reviewed claim for payment: it is redeemed now. */
    @Transactional
    public ClaimReview approve(String orderId, String by, String note) {
        HoldService.Locked l = holds.lock(orderId);
        ClaimReview c = lockClaim(orderId);
        if (apply(c.approve(by, note, Instant.now()))) {
            holds.settle(l, c.actualAmountFen);
            audit.record(by, "CLAIM_APPROVED", "order:" + orderId, note == null ? "" : note,
                    amounts(c) + "; reviewed by " + c.reviewedBy);
        }
        return c;
    }

    /** Refused with a reason: the whole hold goes back to the budget and the buyer's cap. */
    @Transactional
    public ClaimReview refuse(String orderId, String by, String reason) {
        HoldService.Locked l = holds.lock(orderId);
        ClaimReview c = lockClaim(orderId);
        if (apply(c.refuse(by, reason, Instant.now()))) {
            holds.giveBack(l, SubsidyHold.Status.RELEASED, "REVIEW_REFUSED: " + c.refusalReason);
            audit.record(by, "CLAIM_REFUSED", "order:" + orderId, c.refusalReason, amounts(c));
        }
        return c;
    }

    /** True if the step changed the claim; a refusal becomes the problem answer (nothing was written). */
    private static boolean apply(ClaimReview.Answer a) {
        if (a.refusal() != null) {
            throw a.refusal().problem();
        }
        return a.step() == ClaimReview.Step.CHANGED;
    }

    private ClaimReview lockClaim(String orderId) {
        ClaimReview c = em.find(ClaimReview.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw ProblemException.notFound("Claim in review for order", orderId);
        }
        return c;
    }

    private static String amounts(ClaimReview c) {
        return "actual " + Money.format(c.actualAmountFen) + ", 算力券 " + Money.format(c.suanliFen) + ", 智能券 "
                + Money.format(c.zhinengFen);
    }
}
