package org.suanli.voucher.budget;

/**
 * One program's budget for one year, as locked for a decision: what is left is budget − held − redeemed
 * − recovered (money clawed back goes to the treasury, not back into the program: see V4's migration).
 * Deltas accumulate in memory and are written once per transaction ({@link ProgramBudgets#write}); the
 * table's CHECK refuses any write that would overspend.
 */
public final class BudgetAccount {

    public final Program program;
    public final int year;
    public final long budgetFen;
    private long heldFen;
    private long redeemedFen;
    private long recoveredFen;
    private long heldDelta;
    private long redeemedDelta;
    private long recoveredDelta;

    BudgetAccount(Program program, int year, long budgetFen, long heldFen, long redeemedFen, long recoveredFen) {
        this.program = program;
        this.year = year;
        this.budgetFen = budgetFen;
        this.heldFen = heldFen;
        this.redeemedFen = redeemedFen;
        this.recoveredFen = recoveredFen;
    }

    public long remainingFen() {
        return budgetFen - heldFen - redeemedFen - recoveredFen;
    }

    public void hold(long fen) {
        if (fen > remainingFen()) {
            throw new IllegalStateException(program + " " + year + ": holding " + fen + " fen exceeds the " + remainingFen() + " left");
        }
        heldFen += fen;
        heldDelta += fen;
    }

    /** Moves {@code redeemed} from held to redeemed and gives {@code returned} back. */
    public void redeem(long redeemed, long returned) {
        heldFen -= redeemed + returned;
        heldDelta -= redeemed + returned;
        redeemedFen += redeemed;
        redeemedDelta += redeemed;
    }

    public void release(long fen) {
        heldFen -= fen;
        heldDelta -= fen;
    }

    /** Clawback: {@code fen} leaves redeemed and is counted as recovered; what is left does not change. */
    public void clawBack(long fen) {
        if (fen > redeemedFen) {
            throw new IllegalStateException(program + " " + year + ": clawing back " + fen + " fen exceeds the " + redeemedFen + " redeemed");
        }
        redeemedFen -= fen;
        redeemedDelta -= fen;
        recoveredFen += fen;
        recoveredDelta += fen;
    }

    boolean dirty() {
        return heldDelta != 0 || redeemedDelta != 0 || recoveredDelta != 0;
    }

    long heldDelta() {
        return heldDelta;
    }

    long redeemedDelta() {
        return redeemedDelta;
    }

    long recoveredDelta() {
        return recoveredDelta;
    }

    void written() {
        heldDelta = 0;
        redeemedDelta = 0;
        recoveredDelta = 0;
    }
}
