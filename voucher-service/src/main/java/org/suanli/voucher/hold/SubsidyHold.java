package org.suanli.voucher.hold;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.suanli.voucher.policy.Category;
import org.suanli.voucher.policy.FacilityType;
import org.suanli.voucher.policy.ZhinengMode;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The subsidy of one contract, like a two-phase transfer: HELD (pending against budget and cap, rates
 * locked), then REDEEMED on the delivered amount (the rest goes back) or RELEASED in full. Keyed by the
 * order id: one claim per contract.
 */
@Entity
@Table(name = "subsidy_hold")
public class SubsidyHold extends PanacheEntityBase {

    /**
     * IN_REVIEW: a large claim delivered, still held in full until reviewed and approved (then REDEEMED)
     * or refused (then RELEASED). VOIDED: a manual hold an admin voided as entered in error.
     */
    public enum Status { HELD, IN_REVIEW, REDEEMED, RELEASED, VOIDED }

    /** ORDER: follows the order's events; MANUAL: placed by an admin for a contract signed off-platform. */
    public enum Origin { ORDER, MANUAL }

    @Id
    @Column(name = "order_id")
    public String orderId;

    @Column(name = "buyer_id", nullable = false)
    public String buyerId;

    @Column(name = "program_year", nullable = false)
    public int programYear;

    @Column(name = "contract_date", nullable = false)
    public LocalDate contractDate;

    @Column(name = "policy_code", nullable = false)
    public String policyCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Category category;

    @Enumerated(EnumType.STRING)
    @Column(name = "facility_type")
    public FacilityType facilityType;

    @Enumerated(EnumType.STRING)
    @Column(name = "zhineng_mode", nullable = false)
    public ZhinengMode zhinengMode;

    @Column(name = "partner_id")
    public String partnerId;

    @Column(name = "estimated_amount_fen", nullable = false)
    public long estimatedAmountFen;

    /** What this contract adds to the buyer's declared COMPUTE amount (rule 5): the estimate, then the actual. */
    @Column(name = "declared_fen", nullable = false)
    public long declaredFen;

    @Column(name = "suanli_rate_bp", nullable = false)
    public int suanliRateBp;

    @Column(name = "zhineng_rate_bp", nullable = false)
    public int zhinengRateBp;

    @Column(name = "suanli_held_fen", nullable = false)
    public long suanliHeldFen;

    @Column(name = "zhineng_held_fen", nullable = false)
    public long zhinengHeldFen;

    @Column(name = "actual_amount_fen")
    public Long actualAmountFen;

    @Column(name = "suanli_redeemed_fen", nullable = false)
    public long suanliRedeemedFen;

    @Column(name = "zhineng_redeemed_fen", nullable = false)
    public long zhinengRedeemedFen;

    /** Clawed back since redemption (追回); redeemed − recovered is what the program finally paid. */
    @Column(name = "suanli_recovered_fen", nullable = false)
    public long suanliRecoveredFen;

    @Column(name = "zhineng_recovered_fen", nullable = false)
    public long zhinengRecoveredFen;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Origin origin = Origin.ORDER;

    @Column(name = "redeemed_at")
    public Instant redeemedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** Reason codes, sorted, ';'-joined. */
    @Column(nullable = false)
    public String reasons = "";

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public java.util.List<String> reasonList() {
        return reasons.isEmpty() ? java.util.List.of() : java.util.List.of(reasons.split(";"));
    }

    /** Whether two lists of holds, pairwise, carry the same decision: policy, rates, amounts held, reasons. */
    static boolean sameDecisions(java.util.List<SubsidyHold> a, java.util.List<SubsidyHold> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            SubsidyHold x = a.get(i);
            SubsidyHold y = b.get(i);
            if (!x.orderId.equals(y.orderId) || !java.util.Objects.equals(x.policyCode, y.policyCode)
                    || x.suanliRateBp != y.suanliRateBp || x.zhinengRateBp != y.zhinengRateBp
                    || x.suanliHeldFen != y.suanliHeldFen || x.zhinengHeldFen != y.zhinengHeldFen
                    || x.declaredFen != y.declaredFen || !java.util.Objects.equals(x.reasons, y.reasons)) {
                return false;
            }
        }
        return true;
    }
}
