package org.suanli.settlement.ledger;

/** One line of a journal entry: an account debited (D) or credited (C) with a positive amount in fen. */
public record Posting(String account, Side side, long amountFen, String memo) {

    public enum Side { D, C }

    public Posting {
        if (amountFen <= 0) {
            throw new IllegalArgumentException("a posting moves a positive amount, got " + amountFen + " fen");
        }
    }

    public static Posting debit(String account, long fen, String memo) {
        return new Posting(account, Side.D, fen, memo);
    }

    public static Posting credit(String account, long fen, String memo) {
        return new Posting(account, Side.C, fen, memo);
    }

    /** Debit positive, credit negative: the sum over a balanced entry is zero. */
    public long signedFen() {
        return side == Side.D ? amountFen : -amountFen;
    }
}
