package org.suanli.bench.orders;

import java.time.Instant;

/** One order of the run: what the bench meant to do with it, and what the server's history says happened. */
final class Order {

    enum Plan { KEEP, CANCEL, DELIVER }

    final long seq;
    final int phase;
    final Plan plan;
    final Actors.Buyer buyer;
    final Actors.Offering offering;
    /** When the scheduler meant to send it (wall clock, micro-precision): arrival time of the open model. */
    final Instant intended;
    final long intendedNanos;

    volatile String id;
    volatile int postStatus;
    volatile int postAttempts;
    /** Intended send time → the POST's answer, including retries: what the buyer waited. */
    volatile long postLatencyMicros = -1;
    // From order-service's transition history (server timestamps).
    volatile Instant placedAt;
    volatile Instant confirmedAt;
    volatile Instant decidedAt;
    volatile Instant finalAt;
    volatile String state;
    volatile String endReason;
    volatile boolean actionSent;
    volatile int actionStatus;
    volatile int actionAttempts;

    Order(long seq, int phase, Plan plan, Actors.Buyer buyer, Actors.Offering offering, Instant intended, long intendedNanos) {
        this.seq = seq;
        this.phase = phase;
        this.plan = plan;
        this.buyer = buyer;
        this.offering = offering;
        this.intended = intended;
        this.intendedNanos = intendedNanos;
    }

    /** Confirmed or rejected: the marketplace's answer to the placing. */
    boolean decided() {
        return decidedAt != null;
    }

    /** In the state its plan ends in (or ended early: rejected, expired); nothing more will happen to it. */
    boolean settled() {
        String s = state;
        if (s == null) {
            return false;
        }
        return switch (s) {
            case "REJECTED", "EXPIRED" -> true;
            case "CONFIRMED" -> plan == Plan.KEEP;
            case "CANCELLED" -> plan == Plan.CANCEL;
            case "COMPLETED" -> plan == Plan.DELIVER;
            default -> false;
        };
    }

    synchronized void transition(String to, Instant at, String reason) {
        switch (to) {
            case "PLACED" -> placedAt = at;
            case "CONFIRMED" -> {
                confirmedAt = at;
                if (decidedAt == null) {
                    decidedAt = at;
                }
            }
            case "REJECTED" -> {
                if (decidedAt == null) {
                    decidedAt = at;
                }
                endReason = reason;
            }
            default -> {
                if (reason != null && endReason == null && !"DELIVERED".equals(to) && !"COMPLETED".equals(to)) {
                    endReason = reason;
                }
            }
        }
        state = to;
        if (settled()) {
            finalAt = at;
        }
    }

    /** The action of its plan is due once it is confirmed and known by id; true exactly once. */
    synchronized boolean takeAction() {
        if (actionSent || id == null || confirmedAt == null || plan == Plan.KEEP || !"CONFIRMED".equals(state)) {
            return false;
        }
        actionSent = true;
        return true;
    }
}
