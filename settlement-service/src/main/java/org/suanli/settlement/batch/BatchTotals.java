package org.suanli.settlement.batch;

/** A statement's sums in fen: what the buyers paid, each program's subsidy, and what the partner is owed. */
public record BatchTotals(int entryCount, long buyerPaidFen, long suanliFen, long zhinengFen) {

    public long totalFen() {
        return buyerPaidFen + suanliFen + zhinengFen;
    }
}
