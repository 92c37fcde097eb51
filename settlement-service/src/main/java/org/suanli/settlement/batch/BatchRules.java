package org.suanli.settlement.batch;

import org.suanli.kernel.money.Money;
import org.suanli.kernel.problem.ProblemException;

/** What may be paid on a batch: its total exactly, and nothing when the partner owes money back. */
public final class BatchRules {

    /** The batch's total is below zero: clawbacks netted in it exceed what it owes. */
    public static final String OWED_BACK = "batch-owed-back";
    /** The transfer's amount is more than the batch owes. */
    public static final String EXCEEDS_OWED = "payment-exceeds-owed";
    /** The transfer's amount is less than the batch owes (a batch is paid whole). */
    public static final String SHORT = "payment-short";

    private BatchRules() {
    }

    /**
     * @param totalFen  the batch's frozen total
     * @param amountFen the transfer's amount as finance typed it, or null to pay the total
     * @throws ProblemException 422 naming the broken rule
     */
    public static void requirePayable(long batchId, long totalFen, Long amountFen) {
        if (totalFen < 0) {
            throw ProblemException.unprocessable(OWED_BACK, "settlement batch " + batchId + " totals "
                    + Money.format(totalFen) + ": clawbacks netted in it exceed what it owes, so the partner owes "
                    + Money.format(-totalFen) + " back and there is nothing to pay");
        }
        if (amountFen != null && amountFen > totalFen) {
            throw ProblemException.unprocessable(EXCEEDS_OWED, "a transfer of " + Money.format(amountFen)
                    + " is more than the " + Money.format(totalFen) + " settlement batch " + batchId + " owes");
        }
        if (amountFen != null && amountFen < totalFen) {
            throw ProblemException.unprocessable(SHORT, "a transfer of " + Money.format(amountFen) + " is less than the "
                    + Money.format(totalFen) + " settlement batch " + batchId + " owes: one transfer pays one batch whole");
        }
    }

    /** Of a batch's total: what was paid, what is still open, and what the partner owes back (all ≥ 0). */
    public record Balance(long paidFen, long openFen, long owedBackFen) {
    }

    public static Balance balance(BatchStatus status, long totalFen) {
        if (status == BatchStatus.PAID) {
            return new Balance(totalFen, 0, 0);
        }
        return new Balance(0, Math.max(totalFen, 0), Math.max(-totalFen, 0));
    }
}
