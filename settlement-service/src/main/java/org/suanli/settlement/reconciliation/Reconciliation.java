package org.suanli.settlement.reconciliation;

import java.util.List;

/**
 * The outcome of matching the settlement ledger against voucher-service, order by order. Differences are
 * ledger minus voucher, in fen. After the normal flows everything matched and every difference is 0.
 */
public record Reconciliation(int ledgerOrders, int voucherOrders, int matched, List<Mismatch> mismatches,
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
}
