package org.suanli.settlement.ledger;

/**
 * What one order moved, in fen: the buyer's part and each voucher program's part; the partner is owed
 * their sum. A correction's amounts are signed differences.
 */
public record OrderAmounts(long buyerPaysFen, long suanliFen, long zhinengFen) {

    public static final OrderAmounts ZERO = new OrderAmounts(0, 0, 0);

    public long partnerOwedFen() {
        return Math.addExact(Math.addExact(buyerPaysFen, suanliFen), zhinengFen);
    }

    public OrderAmounts plus(OrderAmounts o) {
        return new OrderAmounts(Math.addExact(buyerPaysFen, o.buyerPaysFen), Math.addExact(suanliFen, o.suanliFen),
                Math.addExact(zhinengFen, o.zhinengFen));
    }

    public OrderAmounts minus(OrderAmounts o) {
        return new OrderAmounts(Math.subtractExact(buyerPaysFen, o.buyerPaysFen),
                Math.subtractExact(suanliFen, o.suanliFen), Math.subtractExact(zhinengFen, o.zhinengFen));
    }

    public boolean isZero() {
        return buyerPaysFen == 0 && suanliFen == 0 && zhinengFen == 0;
    }

    public boolean anyNegative() {
        return buyerPaysFen < 0 || suanliFen < 0 || zhinengFen < 0;
    }
}
