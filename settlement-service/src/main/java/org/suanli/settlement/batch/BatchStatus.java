package org.suanli.settlement.batch;

import org.suanli.kernel.problem.ProblemException;

/**
 * The life of a monthly settlement batch: entries land while OPEN; CLOSED freezes the totals; finance
 * APPROVES; finance records the payment (PAID). Only forward, one step at a time.
 */
public enum BatchStatus {
    OPEN, CLOSED, APPROVED, PAID;

    /** The step to {@code next}, or a 409 naming the state the batch is in. */
    public void requireCanMoveTo(BatchStatus next, long batchId) {
        boolean ok = switch (next) {
            case CLOSED -> this == OPEN;
            case APPROVED -> this == CLOSED;
            case PAID -> this == APPROVED;
            case OPEN -> false;
        };
        if (!ok) {
            String why = switch (next) {
                case CLOSED -> "only an OPEN batch can be closed";
                case APPROVED -> this == OPEN ? "close the batch first: only a CLOSED batch (totals frozen) can be approved"
                        : "only a CLOSED batch can be approved";
                case PAID -> this == OPEN || this == CLOSED ? "a batch cannot be paid before finance has approved it"
                        : "the batch is already paid";
                case OPEN -> "a batch never reopens";
            };
            throw ProblemException.conflict("batch-state",
                    "settlement batch " + batchId + " is " + this + ": " + why);
        }
    }
}
