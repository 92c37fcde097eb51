package org.suanli.settlement.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * The ledger maths, without a database: which accounts an order (or a correction of one) moves, and the
 * rule that every entry balances. Each source of money gets its own pair of lines, so a statement shows
 * how much of what the partner is owed comes from the buyer and how much from each voucher program.
 */
public final class DoubleEntry {

    private DoubleEntry() {
    }

    /**
     * The postings of a completed order (all amounts ≥ 0) or of a correction (signed differences: a negative
     * part reverses its pair of lines). Zero parts post nothing.
     */
    public static List<Posting> postings(String buyerId, String partnerId, int programYear, OrderAmounts amounts) {
        return postings(buyerId, partnerId, programYear, amounts, "correction: ");
    }

    /** As above; {@code reversal} prefixes the memo of a reversed pair ("correction: ", "clawback: "). */
    public static List<Posting> postings(String buyerId, String partnerId, int programYear, OrderAmounts amounts,
                                         String reversal) {
        String partner = Accounts.partner(partnerId);
        List<Posting> lines = new ArrayList<>(6);
        pair(lines, Accounts.buyer(buyerId), partner, amounts.buyerPaysFen(), "buyer pays its part of the contract", reversal);
        pair(lines, Accounts.program(Accounts.SUANLI, programYear), partner, amounts.suanliFen(), "算力券 subsidy", reversal);
        pair(lines, Accounts.program(Accounts.ZHINENG, programYear), partner, amounts.zhinengFen(), "智能券 subsidy", reversal);
        requireBalanced(lines);
        return lines;
    }

    /** One source of a batch's payment: the buyers' parts, or one program year's 算力券 or 智能券 (signed fen). */
    public record PaymentPart(String memo, long fen) {
    }

    /**
     * The postings of a batch's payment: the treasury's transfer clears the partner's payable, one pair of lines per
     * source so the trial balance and statements show what was paid of what. A negative part (a clawback netted in
     * the batch) reverses its pair: the partner's debt is set off against the transfer. Zero parts post nothing.
     */
    public static List<Posting> paymentPostings(String partnerId, List<PaymentPart> parts) {
        String partner = Accounts.partner(partnerId);
        List<Posting> lines = new ArrayList<>(parts.size() * 2);
        for (PaymentPart p : parts) {
            if (p.fen() > 0) {
                lines.add(Posting.debit(partner, p.fen(), "paid: " + p.memo()));
                lines.add(Posting.credit(Accounts.TREASURY, p.fen(), "paid: " + p.memo()));
            } else if (p.fen() < 0) {
                lines.add(Posting.debit(Accounts.TREASURY, -p.fen(), "set off against the payment: " + p.memo()));
                lines.add(Posting.credit(partner, -p.fen(), "set off against the payment: " + p.memo()));
            }
        }
        requireBalanced(lines);
        return lines;
    }

    /** Debits equal credits, or an {@link IllegalStateException}: an unbalanced entry is a bug, never data. */
    public static void requireBalanced(List<Posting> lines) {
        long sum = 0;
        for (Posting p : lines) {
            sum = Math.addExact(sum, p.signedFen());
        }
        if (sum != 0) {
            throw new IllegalStateException("entry does not balance: debits - credits = " + sum + " fen");
        }
    }

    private static void pair(List<Posting> lines, String payer, String partner, long fen, String memo, String reversal) {
        if (fen > 0) {
            lines.add(Posting.debit(payer, fen, memo));
            lines.add(Posting.credit(partner, fen, memo));
        } else if (fen < 0) {
            lines.add(Posting.debit(partner, -fen, reversal + memo));
            lines.add(Posting.credit(payer, -fen, reversal + memo));
        }
    }
}
