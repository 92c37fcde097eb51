package org.suanli.settlement.reconciliation;

import org.suanli.kernel.money.Money;

import java.time.Instant;
import java.util.List;

/**
 * A reconciliation as the API shows it: amounts as yuan strings, differences (ledger − voucher) in fen.
 * {@code clean} = nothing to explain.
 */
public record ReconciliationView(String period, int programYear, Integer month, Instant generatedAt, int ledgerOrders,
                                 int voucherOrders, int matched, int mismatchCount, boolean clean,
                                 List<MismatchView> mismatches, List<MissingView> missingInLedger,
                                 List<MissingView> missingInVoucher, List<String> duplicatedInVoucher,
                                 List<String> duplicatedInLedger, TotalsView totals) {

    public record MismatchView(String orderId, String ledgerSuanli, String voucherSuanli, long suanliDifferenceFen,
                               String ledgerZhineng, String voucherZhineng, long zhinengDifferenceFen) {
    }

    public record MissingView(String orderId, String suanli, String zhineng) {
    }

    public record TotalsView(String ledgerSuanli, String voucherSuanli, long suanliDifferenceFen, String ledgerZhineng,
                             String voucherZhineng, long zhinengDifferenceFen) {
    }

    static ReconciliationView of(String period, int year, Integer month, Reconciliation r) {
        Reconciliation.Totals t = r.totals();
        return new ReconciliationView(period, year, month, Instant.now(), r.ledgerOrders(), r.voucherOrders(),
                r.matched(), r.mismatches().size(), r.clean(),
                r.mismatches().stream().map(m -> new MismatchView(m.orderId(), Money.format(m.ledgerSuanliFen()),
                        Money.format(m.voucherSuanliFen()), m.suanliDifferenceFen(), Money.format(m.ledgerZhinengFen()),
                        Money.format(m.voucherZhinengFen()), m.zhinengDifferenceFen())).toList(),
                r.missingInLedger().stream().map(ReconciliationView::missing).toList(),
                r.missingInVoucher().stream().map(ReconciliationView::missing).toList(),
                r.duplicatedInVoucher(), r.duplicatedInLedger(),
                new TotalsView(Money.format(t.ledgerSuanliFen()), Money.format(t.voucherSuanliFen()), t.suanliDifferenceFen(),
                        Money.format(t.ledgerZhinengFen()), Money.format(t.voucherZhinengFen()), t.zhinengDifferenceFen()));
    }

    private static MissingView missing(VoucherAmounts v) {
        return new MissingView(v.orderId(), Money.format(v.suanliFen()), Money.format(v.zhinengFen()));
    }
}
