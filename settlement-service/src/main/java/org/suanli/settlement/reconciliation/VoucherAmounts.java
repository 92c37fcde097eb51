package org.suanli.settlement.reconciliation;

/** One order's voucher amounts as one side of the reconciliation sees them, in fen. */
public record VoucherAmounts(String orderId, long suanliFen, long zhinengFen) {
}
