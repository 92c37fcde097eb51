package org.suanli.order.order;

import org.suanli.kernel.units.GpuHours;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.suanli.kernel.problem.ProblemException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The order: a contract for GPU-hours of one offering, at the price of the day it was placed, and its life.
 * The rules are plain Java here (unit-tested without Quarkus); the services lock the row, call one method
 * and record the event that the returned {@link Transition} calls for.
 * <p>
 * Commands (a person asks: cancel, deliver) throw a 409/422 {@link ProblemException} from the wrong state;
 * answers from the neighbours (capacity, subsidy) never throw: from the wrong state they change nothing and
 * return {@code null} (a late or repeated answer), so the consumer can log and go on.
 */
@Entity(name = "ComputeOrder")
@Table(name = "orders")
public class Order {

    public static final ZoneId CONTRACT_ZONE = ZoneId.of("Asia/Shanghai");

    public static final String TIMEOUT = "TIMEOUT";
    public static final String BUYER_CANCELLED = "BUYER_CANCELLED";
    public static final String WINDOW_PASSED = "WINDOW_PASSED";

    public enum CapacityStatus { PENDING, RESERVED, REFUSED, RELEASED, CONSUMED }

    public enum SubsidyStatus { PENDING, HELD, IN_REVIEW, REDEEMED, RELEASED }

    @Id
    public String id;

    @Column(name = "buyer_id", nullable = false)
    public String buyerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderState state;

    @Column(name = "offering_id", nullable = false)
    public String offeringId;
    @Column(name = "partner_id", nullable = false)
    public String partnerId;
    @Column(name = "partner_name")
    public String partnerName;
    @Column(name = "partner_credit_code")
    public String partnerCreditCode;
    @Column(name = "partner_status")
    public String partnerStatus;
    @Column(name = "partner_approved", nullable = false)
    public boolean partnerApproved;
    @Column(name = "facility_id")
    public String facilityId;
    @Column(name = "facility_name")
    public String facilityName;
    public String district;
    @Column(name = "facility_type")
    public String facilityType;
    @Column(nullable = false)
    public String category;
    @Column(name = "filing_number")
    public String filingNumber;
    @Column(name = "accelerator_model")
    public String acceleratorModel;

    @Column(name = "gpu_hours_tenths", nullable = false)
    public long gpuHoursTenths;
    @Column(name = "unit_price_fen", nullable = false)
    public long unitPriceFen;
    @Column(name = "estimated_amount_fen", nullable = false)
    public long estimatedAmountFen;
    @Column(name = "window_start", nullable = false)
    public Instant windowStart;
    @Column(name = "window_end", nullable = false)
    public Instant windowEnd;
    @Enumerated(EnumType.STRING)
    @Column(name = "zhineng_mode", nullable = false)
    public ZhinengMode zhinengMode;
    @Column(name = "contract_date", nullable = false)
    public LocalDate contractDate;
    @Column(name = "placed_at", nullable = false)
    public Instant placedAt;
    /** The trace of the placing request (W3C traceparent): the order's events all continue it. */
    @Column(name = "traceparent")
    public String traceparent;

    @Enumerated(EnumType.STRING)
    @Column(name = "capacity_status", nullable = false)
    public CapacityStatus capacityStatus = CapacityStatus.PENDING;
    @Column(name = "capacity_reason")
    public String capacityReason;
    @Enumerated(EnumType.STRING)
    @Column(name = "subsidy_status", nullable = false)
    public SubsidyStatus subsidyStatus = SubsidyStatus.PENDING;

    @Column(name = "program_year")
    public Integer programYear;
    @Column(name = "policy_code")
    public String policyCode;
    @Column(name = "suanli_rate_bp")
    public Integer suanliRateBp;
    @Column(name = "zhineng_rate_bp")
    public Integer zhinengRateBp;
    @Column(name = "suanli_held_fen")
    public Long suanliHeldFen;
    @Column(name = "zhineng_held_fen")
    public Long zhinengHeldFen;
    /** Reason codes, comma-joined, sorted as voucher-service gave them. */
    @Column(name = "subsidy_reasons")
    public String subsidyReasons;

    @Column(name = "used_tenths")
    public Long usedTenths;
    @Column(name = "invoice_number")
    public String invoiceNumber;
    @Column(name = "actual_amount_fen")
    public Long actualAmountFen;
    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "suanli_fen")
    public Long suanliFen;
    @Column(name = "zhineng_fen")
    public Long zhinengFen;
    @Column(name = "buyer_pays_fen")
    public Long buyerPaysFen;
    @Column(name = "partner_owed_fen")
    public Long partnerOwedFen;
    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "end_reason")
    public String endReason;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    @OneToMany(mappedBy = "order", cascade = CascadeType.PERSIST)
    @OrderBy("key.seq")
    public List<OrderHistoryEntry> history = new ArrayList<>();

    /** How many entries its history has: the next one's place, counted here so that appending reads nothing. */
    @Column(name = "history_size", nullable = false)
    public int historySize;

    /** A new order in PLACED: the offering's price is locked, the estimate computed, the contract date fixed. */
    public static Order place(String buyerId, OfferingSnapshot offering, long gpuHoursTenths, Instant windowStart,
                              Instant windowEnd, ZhinengMode zhinengMode, Instant now, String actor) {
        if (gpuHoursTenths <= 0) {
            throw new IllegalArgumentException("gpuHours must be greater than zero");
        }
        if (!windowEnd.isAfter(windowStart)) {
            throw new IllegalArgumentException("windowEnd must be after windowStart");
        }
        Order o = new Order();
        o.id = UUID.randomUUID().toString();
        o.buyerId = buyerId;
        o.offeringId = offering.offeringId();
        o.partnerId = offering.partnerId();
        o.partnerName = offering.partnerName();
        o.partnerCreditCode = offering.partnerCreditCode();
        o.partnerStatus = offering.partnerStatus();
        o.partnerApproved = offering.partnerApproved();
        o.facilityId = offering.facilityId();
        o.facilityName = offering.facilityName();
        o.district = offering.district();
        o.facilityType = offering.facilityType();
        o.category = offering.category();
        o.filingNumber = offering.filingNumber();
        o.acceleratorModel = offering.acceleratorModel();
        o.gpuHoursTenths = gpuHoursTenths;
        o.unitPriceFen = offering.unitPriceFen();
        o.estimatedAmountFen = GpuHours.amountFen(offering.unitPriceFen(), gpuHoursTenths);
        o.windowStart = windowStart;
        o.windowEnd = windowEnd;
        o.zhinengMode = zhinengMode;
        o.contractDate = LocalDate.ofInstant(now, CONTRACT_ZONE);
        o.placedAt = now;
        o.state = OrderState.PLACED;
        o.updatedAt = now;
        o.history.add(new OrderHistoryEntry(o, ++o.historySize, null, OrderState.PLACED, now, actor,
                "ordered " + GpuHours.format(gpuHoursTenths) + " GPU-hours at " + yuan(o.unitPriceFen)
                        + " per GPU-hour, estimate " + yuan(o.estimatedAmountFen)));
        return o;
    }

    // ------------------------------------------------------------------ answers from the neighbours

    /** CapacityReserved: remembered; the order confirms once the subsidy is held too. */
    public Transition capacityReserved(Instant now, String actor) {
        if (capacityStatus == CapacityStatus.PENDING) {
            capacityStatus = CapacityStatus.RESERVED;
            updatedAt = now;
        }
        return confirmIfReady(now, actor);
    }

    /** CapacityRefused (NO_CAPACITY, OFFERING_WITHDRAWN, PARTNER_NOT_APPROVED): the order is rejected. */
    public Transition capacityRefused(String reason, Instant now, String actor) {
        if (capacityStatus == CapacityStatus.PENDING) {
            capacityStatus = CapacityStatus.REFUSED;
            capacityReason = reason;
            updatedAt = now;
        }
        if (state != OrderState.PLACED) {
            return null;
        }
        String why = reason == null || reason.isBlank() ? "CAPACITY_REFUSED" : reason;
        return end(OrderState.REJECTED, why, now, actor, "capacity refused: " + why);
    }

    /** SubsidyHeld: the figures are kept (they explain the price); the order confirms once capacity is reserved too. */
    public Transition subsidyHeld(SubsidyHold hold, Instant now, String actor) {
        if (subsidyStatus == SubsidyStatus.PENDING) {
            subsidyStatus = SubsidyStatus.HELD;
            programYear = hold.programYear();
            policyCode = hold.policyCode();
            suanliRateBp = hold.suanliRateBp();
            zhinengRateBp = hold.zhinengRateBp();
            suanliHeldFen = hold.suanliHeldFen();
            zhinengHeldFen = hold.zhinengHeldFen();
            subsidyReasons = String.join(",", hold.reasons());
            updatedAt = now;
        }
        return confirmIfReady(now, actor);
    }

    private Transition confirmIfReady(Instant now, String actor) {
        if (state != OrderState.PLACED || capacityStatus != CapacityStatus.RESERVED
                || subsidyStatus != SubsidyStatus.HELD) {
            return null;
        }
        String reasons = subsidyReasons == null || subsidyReasons.isEmpty() ? "" : " (" + subsidyReasons + ")";
        return move(OrderState.CONFIRMED, now, actor, "capacity reserved; subsidy held: 算力券 "
                + yuan(suanliHeldFen) + ", 智能券 " + yuan(zhinengHeldFen) + reasons);
    }

    /** CapacityReleased / CapacityConsumed: the catalog gave back or used what it had reserved. */
    public void capacityReturned(boolean consumed, Instant now) {
        if (capacityStatus == CapacityStatus.RESERVED) {
            capacityStatus = consumed ? CapacityStatus.CONSUMED : CapacityStatus.RELEASED;
            updatedAt = now;
        }
    }

    /** SubsidyReleased: the whole hold went back to the budget. */
    /** voucher-service gave the hold back. Null, unless the order was delivered: see {@link #subsidyRefused}. */
    public Transition subsidyReleased(Instant now, String reason, String actor) {
        if (state == OrderState.DELIVERED && actualAmountFen != null
                && (subsidyStatus == SubsidyStatus.HELD || subsidyStatus == SubsidyStatus.IN_REVIEW)) {
            return subsidyRefused(now, reason, actor);
        }
        if (subsidyStatus == SubsidyStatus.HELD || subsidyStatus == SubsidyStatus.IN_REVIEW) {
            subsidyStatus = SubsidyStatus.RELEASED;
            updatedAt = now;
        }
        return null;
    }

    /** A large claim waits for the program office and the finance bureau: still held, not yet payable. */
    public void subsidyInReview(Instant now) {
        if (state == OrderState.DELIVERED && subsidyStatus == SubsidyStatus.HELD) {
            subsidyStatus = SubsidyStatus.IN_REVIEW;
            updatedAt = now;
        }
    }

    /**
     * The claim was refused in review after delivery: the compute was delivered and is owed to the partner, so
     * the contract completes, without subsidy: the buyer pays the whole actual amount.
     */
    private Transition subsidyRefused(Instant now, String reason, String actor) {
        subsidyStatus = SubsidyStatus.RELEASED;
        suanliFen = 0L;
        zhinengFen = 0L;
        buyerPaysFen = actualAmountFen;
        partnerOwedFen = actualAmountFen;
        completedAt = now;
        return move(OrderState.COMPLETED, now, actor, "subsidy refused" + (reason == null ? "" : " (" + reason + ")")
                + "; buyer pays " + yuan(buyerPaysFen) + ", partner owed " + yuan(partnerOwedFen));
    }

    /**
     * SubsidyRedeemed on the actual amount: the order completes with what the buyer pays, what each voucher
     * pays and what the partner is owed. Null (nothing changes) unless DELIVERED, or if the figures cannot be right.
     */
    public Transition subsidyRedeemed(long suanli, long zhineng, Instant now, String actor) {
        if (state != OrderState.DELIVERED || actualAmountFen == null || suanli < 0 || zhineng < 0
                || subsidyStatus == SubsidyStatus.RELEASED
                || suanli + zhineng > actualAmountFen) {
            return null;
        }
        subsidyStatus = SubsidyStatus.REDEEMED;
        suanliFen = suanli;
        zhinengFen = zhineng;
        buyerPaysFen = actualAmountFen - suanli - zhineng;
        partnerOwedFen = actualAmountFen;
        completedAt = now;
        return move(OrderState.COMPLETED, now, actor, "subsidy redeemed: 算力券 " + yuan(suanli) + ", 智能券 "
                + yuan(zhineng) + "; buyer pays " + yuan(buyerPaysFen) + ", partner owed " + yuan(partnerOwedFen));
    }

    // ------------------------------------------------------------------ deadlines

    /** Still PLACED when the confirmation deadline has passed: rejected (a neighbour is down or silent). */
    public Transition timeOut(Instant now, Duration deadline, String actor) {
        if (state != OrderState.PLACED || !now.isAfter(placedAt.plus(deadline))) {
            return null;
        }
        String waiting = (capacityStatus == CapacityStatus.PENDING ? "capacity" : "")
                + (capacityStatus == CapacityStatus.PENDING && subsidyStatus == SubsidyStatus.PENDING ? " and " : "")
                + (subsidyStatus == SubsidyStatus.PENDING ? "subsidy" : "");
        return end(OrderState.REJECTED, TIMEOUT, now, actor,
                "not confirmed within " + deadline + (waiting.isEmpty() ? "" : ": no answer on " + waiting));
    }

    /** CONFIRMED but undelivered when the window has passed: expired. */
    public Transition expire(Instant now, String actor) {
        if (state != OrderState.CONFIRMED || !now.isAfter(windowEnd)) {
            return null;
        }
        return end(OrderState.EXPIRED, WINDOW_PASSED, now, actor, "window ended " + windowEnd + " without delivery");
    }

    // ------------------------------------------------------------------ commands

    /** The buyer cancels before delivery (PLACED or CONFIRMED). */
    public Transition cancel(String note, Instant now, String actor) {
        require("cancel", OrderState.CANCELLED);
        return end(OrderState.CANCELLED, BUYER_CANCELLED, now, actor,
                note == null || note.isBlank() ? "cancelled by the buyer" : "cancelled by the buyer: " + note.trim());
    }

    /** The partner reports metered GPU-hours (not above ordered) and the invoice: the actual amount is computed. */
    public Transition deliver(long usedTenths, String invoice, Instant now, String actor) {
        require("report delivery on", OrderState.DELIVERED);
        if (usedTenths <= 0) {
            throw new IllegalArgumentException("gpuHoursUsed must be greater than zero");
        }
        if (usedTenths > gpuHoursTenths) {
            throw ProblemException.unprocessable("delivery-above-ordered", "gpuHoursUsed " + GpuHours.format(usedTenths)
                    + " is more than the " + GpuHours.format(gpuHoursTenths) + " GPU-hours ordered");
        }
        this.usedTenths = usedTenths;
        invoiceNumber = invoice;
        actualAmountFen = GpuHours.amountFen(unitPriceFen, usedTenths);
        deliveredAt = now;
        return move(OrderState.DELIVERED, now, actor, "delivered " + GpuHours.format(usedTenths) + " of "
                + GpuHours.format(gpuHoursTenths) + " GPU-hours, invoice " + invoice + ", actual amount " + yuan(actualAmountFen));
    }

    // ------------------------------------------------------------------ reading

    /** What the buyer pays: final once completed; before that the estimate less the subsidy held; null if ended. */
    public Long buyerPaysFen() {
        if (state == OrderState.COMPLETED) {
            return buyerPaysFen;
        }
        if (state.isEndedWithoutDelivery() || (subsidyStatus != SubsidyStatus.HELD && subsidyStatus != SubsidyStatus.IN_REVIEW)) {
            return null;
        }
        return estimatedAmountFen - suanliHeldFen - zhinengHeldFen;
    }

    /**
     * The subsidy's state as the buyer reads it. Once the order has ended undelivered (rejected, cancelled, expired)
     * voucher-service gives back whatever it holds for it (the end event tells it to, in the order's own sequence),
     * so the view never claims HELD — or PENDING — then, even before voucher-service's SubsidyReleased has arrived
     * here, or when a late SubsidyHeld arrives after the end. The stored {@code subsidyStatus} keeps what was heard.
     */
    public SubsidyStatus subsidyState() {
        if (state.isEndedWithoutDelivery()
                && (subsidyStatus == SubsidyStatus.HELD || subsidyStatus == SubsidyStatus.PENDING)) {
            return SubsidyStatus.RELEASED;
        }
        return subsidyStatus;
    }

    public List<String> subsidyReasonList() {
        return subsidyReasons == null || subsidyReasons.isEmpty() ? List.of() : Arrays.asList(subsidyReasons.split(","));
    }

    // ------------------------------------------------------------------ internals

    private void require(String what, OrderState to) {
        if (!state.canMoveTo(to)) {
            throw ProblemException.conflict("order-state-conflict",
                    "cannot " + what + " order " + id + ": it is " + state);
        }
    }

    private Transition end(OrderState to, String reasonCode, Instant now, String actor, String why) {
        endReason = reasonCode;
        return move(to, now, actor, why);
    }

    private Transition move(OrderState to, Instant now, String actor, String reason) {
        if (!state.canMoveTo(to)) {
            throw new IllegalStateException("order " + id + " cannot move from " + state + " to " + to);
        }
        OrderState from = state;
        state = to;
        updatedAt = now;
        history.add(new OrderHistoryEntry(this, ++historySize, from, to, now, actor, reason));
        return new Transition(from, to, reason);
    }

    static String yuan(Long fen) {
        return fen == null ? "?" : org.suanli.kernel.money.Money.format(fen);
    }
}
