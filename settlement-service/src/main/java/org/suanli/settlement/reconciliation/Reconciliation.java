package org.suanli.settlement.reconciliation;

import java.util.List;

/**
 * The outcome of matching the settlement ledger against voucher-service, order by order. Differences are
 * ledger minus voucher, in fen. After the normal flows everything matched and every difference is 0.
 * {@code matchedOrders} lists the matched orders by order id (amounts equal on both sides).
 */
public record Reconciliation(int ledgerOrders, int voucherOrders, int matched, List<VoucherAmounts> matchedOrders,
                             List<Mismatch> mismatches,
                             List<VoucherAmounts> missingInLedger, List<VoucherAmounts> missingInVoucher,
                             List<String> duplicatedInVoucher, List<String> duplicatedInLedger, Totals totals) {

    /** An order both sides know, with different amounts. */
    public record Mismatch(String orderId, long ledgerSuanliFen, long voucherSuanliFen, long ledgerZhinengFen,
                           long voucherZhinengFen) {
        public long suanliDifferenceFen() {
            return ledgerSuanliFen - voucherSuanliFen;
        }

        public long zhinengDifferenceFen() {
            return ledgerZhinengFen - voucherZhinengFen;
        }
    }

    public record Totals(long ledgerSuanliFen, long voucherSuanliFen, long ledgerZhinengFen, long voucherZhinengFen) {
        public long suanliDifferenceFen() {
            return ledgerSuanliFen - voucherSuanliFen;
        }

        public long zhinengDifferenceFen() {
            return ledgerZhinengFen - voucherZhinengFen;
        }
    }

    /** Nothing to explain: every order matched and no side has an order the other lacks. */
    public boolean clean() {
        return mismatches.isEmpty() && missingInLedger.isEmpty() && missingInVoucher.isEmpty()
                && duplicatedInVoucher.isEmpty() && duplicatedInLedger.isEmpty();
    }

    /** Every difference that a person must explain, one per order and kind (duplicates are not differences of amount). */
    public List<Difference> differences() {
        List<Difference> out = new java.util.ArrayList<>(mismatches.size() + missingInLedger.size() + missingInVoucher.size());
        for (Mismatch m : mismatches) {
            out.add(new Difference(Difference.MISMATCH, m.orderId(), m.suanliDifferenceFen(), m.zhinengDifferenceFen()));
        }
        for (VoucherAmounts v : missingInLedger) {
            out.add(new Difference(Difference.MISSING_IN_LEDGER, v.orderId(), -v.suanliFen(), -v.zhinengFen()));
        }
        for (VoucherAmounts l : missingInVoucher) {
            out.add(new Difference(Difference.MISSING_IN_VOUCHER, l.orderId(), l.suanliFen(), l.zhinengFen()));
        }
        return out;
    }

    /** One order's difference of a kind, ledger − voucher in fen per program: what an acknowledgement names. */
    public record Difference(String status, String orderId, long suanliDifferenceFen, long zhinengDifferenceFen) {
        public static final String MISMATCH = "MISMATCH";
        public static final String MISSING_IN_LEDGER = "MISSING_IN_LEDGER";
        public static final String MISSING_IN_VOUCHER = "MISSING_IN_VOUCHER";
    }
}
