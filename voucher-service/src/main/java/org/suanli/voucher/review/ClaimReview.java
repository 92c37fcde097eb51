package org.suanli.voucher.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.suanli.voucher.Refusal;

import java.time.Instant;
import java.util.Optional;

/**
 * A large claim's way to payment: IN_REVIEW (delivered, held, not payable) → REVIEWED by the program office
 * (admin) → APPROVED for payment by the finance bureau (finance), never by the person who reviewed it; or
 * REFUSED with a reason at either step. The rules are here, in plain Java: each step answers a refusal as a
 * value and changes nothing then; {@link Step#REPLAY} is the same step asked again by the same person.
 */
@Entity
@Table(name = "claim_review")
public class ClaimReview extends PanacheEntityBase {

    public enum Status { IN_REVIEW, REVIEWED, APPROVED, REFUSED }

    /** Why the claim waits: its size (above the threshold), or fraud signals raised on it when it was held. */
    public enum Reason { THRESHOLD, FRAUD_SIGNALS }

    /** What a step did: changed the claim, or found it already done by the same person (nothing changes). */
    public enum Step { CHANGED, REPLAY }

    /** A step's answer: what it did, or why it was refused. */
    public record Answer(Step step, Refusal refusal) {
        static Answer changed() {
            return new Answer(Step.CHANGED, null);
        }

        static Answer replay() {
            return new Answer(Step.REPLAY, null);
        }

        static Answer refused(Refusal r) {
            return new Answer(null, r);
        }

        public Optional<Refusal> refused() {
            return Optional.ofNullable(refusal);
        }
    }

    @Id
    @Column(name = "order_id")
    public String orderId;

    @Column(name = "buyer_id", nullable = false)
    public String buyerId;

    @Column(name = "program_year", nullable = false)
    public int programYear;

    @Column(name = "actual_amount_fen", nullable = false)
    public long actualAmountFen;

    /** What will be redeemed (payable) once approved. */
    @Column(name = "suanli_fen", nullable = false)
    public long suanliFen;

    @Column(name = "zhineng_fen", nullable = false)
    public long zhinengFen;

    @Column(name = "threshold_fen", nullable = false)
    public long thresholdFen;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Reason reason = Reason.THRESHOLD;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "reviewed_by")
    public String reviewedBy;
    @Column(name = "reviewed_at")
    public Instant reviewedAt;
    @Column(name = "review_note")
    public String reviewNote;

    @Column(name = "approved_by")
    public String approvedBy;
    @Column(name = "approved_at")
    public Instant approvedAt;
    @Column(name = "approval_note")
    public String approvalNote;

    @Column(name = "refused_by")
    public String refusedBy;
    @Column(name = "refused_at")
    public Instant refusedAt;
    @Column(name = "refusal_reason")
    public String refusalReason;

    /**
     * Whether a claim waits for review: its contract's actual amount is above the threshold and there is a
     * subsidy to pay on it (a zero claim has nothing to approve).
     */
    public static boolean needed(long actualAmountFen, long subsidyFen, long thresholdFen) {
        return actualAmountFen > thresholdFen && subsidyFen > 0;
    }

    /** The program office's review: the claim is recommended for payment. */
    public Answer review(String by, String note, Instant now) {
        if (status == Status.REVIEWED && by.equals(reviewedBy)) {
            return Answer.replay();
        }
        if (status != Status.IN_REVIEW) {
            return Answer.refused(Refusal.conflict("claim-not-in-review", "the claim for order " + orderId + " is "
                    + status + "; only a claim in review can be reviewed"));
        }
        status = Status.REVIEWED;
        reviewedBy = by;
        reviewedAt = now;
        reviewNote = note;
        return Answer.changed();
    }

    /** The finance bureau's approval for payment: only after the review, and by someone else (two-person rule). */
    public Answer approve(String by, String note, Instant now) {
        if (status == Status.APPROVED && by.equals(approvedBy)) {
            return Answer.replay();
        }
        if (status == Status.IN_REVIEW) {
            return Answer.refused(Refusal.conflict("claim-not-reviewed", "the claim for order " + orderId
                    + " has not been reviewed by the program office yet; it can be approved only after the review"));
        }
        if (status != Status.REVIEWED) {
            return Answer.refused(Refusal.conflict("claim-decided", "the claim for order " + orderId + " is already " + status));
        }
        if (by.equals(reviewedBy)) {
            return Answer.refused(Refusal.forbidden("same-person", by + " reviewed the claim for order " + orderId
                    + "; another person must approve it for payment (two-person rule)"));
        }
        status = Status.APPROVED;
        approvedBy = by;
        approvedAt = now;
        approvalNote = note;
        return Answer.changed();
    }

    /** Refused at review or at approval, with a reason: the hold is given back. */
    public Answer refuse(String by, String reason, Instant now) {
        if (status == Status.REFUSED && by.equals(refusedBy)) {
            return Answer.replay();
        }
        if (status != Status.IN_REVIEW && status != Status.REVIEWED) {
            return Answer.refused(Refusal.conflict("claim-decided", "the claim for order " + orderId + " is already " + status));
        }
        if (reason == null || reason.isBlank()) {
            return Answer.refused(Refusal.invalid("a refusal needs a reason"));
        }
        status = Status.REFUSED;
        refusedBy = by;
        refusedAt = now;
        refusalReason = reason.trim();
        return Answer.changed();
    }

    public boolean open() {
        return status == Status.IN_REVIEW || status == Status.REVIEWED;
    }
}
