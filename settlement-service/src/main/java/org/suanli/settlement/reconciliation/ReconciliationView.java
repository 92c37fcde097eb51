package org.suanli.settlement.reconciliation;

import org.suanli.kernel.money.Money;

import java.time.Instant;
import java.util.List;

/**
 * A reconciliation as the API shows it: amounts as yuan strings, differences (ledger − voucher) in fen.
 * {@code clean} = nothing left to explain (every difference acknowledged); {@code status} says it in words
 * ("clean", "clean, with 2 acknowledged differences", "3 differences to explain"). The matched orders come a
 * page at a time ({@code matchedOrders}).
 */
public record ReconciliationView(String period, int programYear, Integer month, Instant generatedAt, int ledgerOrders,
                                 int voucherOrders, int matched, int mismatchCount, boolean clean, String status,
                                 int acknowledgedDifferences, int unexplainedDifferences,
                                 List<MismatchView> mismatches, List<MissingView> missingInLedger,
                                 List<MissingView> missingInVoucher, List<String> duplicatedInVoucher,
                                 List<String> duplicatedInLedger, TotalsView totals, MatchedPage matchedOrders) {

    public record MismatchView(String orderId, String ledgerSuanli, String voucherSuanli, long suanliDifferenceFen,
                               String ledgerZhineng, String voucherZhineng, long zhinengDifferenceFen,
                               AcknowledgementView acknowledgement) {
    }

    public record MissingView(String orderId, String suanli, String zhineng, AcknowledgementView acknowledgement) {
    }

    public record TotalsView(String ledgerSuanli, String voucherSuanli, long suanliDifferenceFen, String ledgerZhineng,
                             String voucherZhineng, long zhinengDifferenceFen) {
    }

    public record MatchedPage(int page, int size, int total, List<MatchedView> items) {
    }

    public record MatchedView(String orderId, String suanli, String zhineng) {
    }

    /** Finance's explanation of a difference: the correction or clawback entry behind it, why, who and when. */
    public record AcknowledgementView(long id, String orderId, int programYear, String status, long suanliDifferenceFen,
                                      long zhinengDifferenceFen, long explainedByEntryId, String explainedByKind,
                                      String reason, String acknowledgedBy, Instant acknowledgedAt) {
        static AcknowledgementView of(Closing.Acknowledgement a) {
            return a == null ? null : new AcknowledgementView(a.id(), a.orderId(), a.programYear(), a.status(),
                    a.suanliDifferenceFen(), a.zhinengDifferenceFen(), a.explainedByEntryId(), a.explainedByKind(),
                    a.reason(), a.acknowledgedBy(), a.acknowledgedAt());
        }
    }

    static ReconciliationView of(String period, int year, Integer month, Reconciliation r, Closing c, int page, int size) {
        Reconciliation.Totals t = r.totals();
        int from = (int) Math.min((long) page * size, r.matchedOrders().size());
        int to = (int) Math.min((long) from + size, r.matchedOrders().size());
        return new ReconciliationView(period, year, month, Instant.now(), r.ledgerOrders(), r.voucherOrders(),
                r.matched(), r.mismatches().size(), c.clean(), c.status(), c.acknowledged().size(), c.unexplained(),
                r.mismatches().stream().map(m -> new MismatchView(m.orderId(), Money.format(m.ledgerSuanliFen()),
                        Money.format(m.voucherSuanliFen()), m.suanliDifferenceFen(), Money.format(m.ledgerZhinengFen()),
                        Money.format(m.voucherZhinengFen()), m.zhinengDifferenceFen(),
                        AcknowledgementView.of(c.of(new Reconciliation.Difference(Reconciliation.Difference.MISMATCH,
                                m.orderId(), m.suanliDifferenceFen(), m.zhinengDifferenceFen()))))).toList(),
                r.missingInLedger().stream().map(v -> missing(v, c.of(new Reconciliation.Difference(
                        Reconciliation.Difference.MISSING_IN_LEDGER, v.orderId(), -v.suanliFen(), -v.zhinengFen())))).toList(),
                r.missingInVoucher().stream().map(v -> missing(v, c.of(new Reconciliation.Difference(
                        Reconciliation.Difference.MISSING_IN_VOUCHER, v.orderId(), v.suanliFen(), v.zhinengFen())))).toList(),
                r.duplicatedInVoucher(), r.duplicatedInLedger(),
                new TotalsView(Money.format(t.ledgerSuanliFen()), Money.format(t.voucherSuanliFen()), t.suanliDifferenceFen(),
                        Money.format(t.ledgerZhinengFen()), Money.format(t.voucherZhinengFen()), t.zhinengDifferenceFen()),
                new MatchedPage(page, size, r.matchedOrders().size(), r.matchedOrders().subList(from, to).stream()
                        .map(m -> new MatchedView(m.orderId(), Money.format(m.suanliFen()), Money.format(m.zhinengFen())))
                        .toList()));
    }

    private static MissingView missing(VoucherAmounts v, Closing.Acknowledgement a) {
        return new MissingView(v.orderId(), Money.format(v.suanliFen()), Money.format(v.zhinengFen()),
                AcknowledgementView.of(a));
    }
}
