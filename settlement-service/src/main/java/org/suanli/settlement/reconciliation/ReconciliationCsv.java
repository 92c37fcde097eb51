package org.suanli.settlement.reconciliation;

import org.suanli.kernel.csv.Csv;
import org.suanli.kernel.money.Money;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The reconciliation as CSV for a spreadsheet ({@link Csv}: BOM, CRLF, formula guard): one line per order that
 * needs explaining (mismatch, missing on one side, duplicate), then a TOTAL line and a MATCHED count, then one
 * MATCHED_ORDER line per matched order and the period's STATUS. Amounts in yuan, differences in fen.
 */
public final class ReconciliationCsv {

    public static final String HEADER = "status,order_id,ledger_suanli_yuan,voucher_suanli_yuan,suanli_difference_fen,"
            + "ledger_zhineng_yuan,voucher_zhineng_yuan,zhineng_difference_fen";

    private ReconciliationCsv() {
    }

    public static void write(Reconciliation r, Writer out) {
        write(r, Closing.none(r), out);
    }

    /**
     * As {@link #write(Reconciliation, Writer)}; a difference finance acknowledged has its status suffixed
     * {@code _ACKNOWLEDGED}, the matched orders follow as {@code MATCHED_ORDER} lines, and a last {@code STATUS}
     * line says whether the period closes ("clean, with 2 acknowledged differences").
     */
    public static void write(Reconciliation r, Closing closing, Writer out) {
        Csv.start(out, HEADER);
        for (Reconciliation.Mismatch m : r.mismatches()) {
            line(out, status(closing, Reconciliation.Difference.MISMATCH, m.orderId(), m.suanliDifferenceFen(),
                            m.zhinengDifferenceFen()), m.orderId(), m.ledgerSuanliFen(), m.voucherSuanliFen(),
                    m.ledgerZhinengFen(), m.voucherZhinengFen());
        }
        for (VoucherAmounts v : r.missingInLedger()) {
            line(out, status(closing, Reconciliation.Difference.MISSING_IN_LEDGER, v.orderId(), -v.suanliFen(),
                    -v.zhinengFen()), v.orderId(), 0, v.suanliFen(), 0, v.zhinengFen());
        }
        for (VoucherAmounts l : r.missingInVoucher()) {
            line(out, status(closing, Reconciliation.Difference.MISSING_IN_VOUCHER, l.orderId(), l.suanliFen(),
                    l.zhinengFen()), l.orderId(), l.suanliFen(), 0, l.zhinengFen(), 0);
        }
        for (String id : r.duplicatedInLedger()) {
            Csv.line(out, "DUPLICATE_IN_LEDGER", Csv.text(id), "", "", "", "", "", "");
        }
        for (String id : r.duplicatedInVoucher()) {
            Csv.line(out, "DUPLICATE_IN_VOUCHER", Csv.text(id), "", "", "", "", "", "");
        }
        Reconciliation.Totals t = r.totals();
        line(out, "TOTAL", "", t.ledgerSuanliFen(), t.voucherSuanliFen(), t.ledgerZhinengFen(), t.voucherZhinengFen());
        Csv.line(out, "MATCHED", String.valueOf(r.matched()), "", "", "", "", "", "");
        for (VoucherAmounts m : r.matchedOrders()) {
            line(out, "MATCHED_ORDER", m.orderId(), m.suanliFen(), m.suanliFen(), m.zhinengFen(), m.zhinengFen());
        }
        Csv.line(out, "STATUS", Csv.text(closing.status()), "", "", "", "", "", "");
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String status(Closing closing, String status, String orderId, long suanliDiff, long zhinengDiff) {
        return closing.of(new Reconciliation.Difference(status, orderId, suanliDiff, zhinengDiff)) == null ? status
                : status + "_ACKNOWLEDGED";
    }

    private static void line(Writer out, String status, String orderId, long ledgerSuanli, long voucherSuanli,
                             long ledgerZhineng, long voucherZhineng) {
        Csv.line(out, status, Csv.text(orderId), Money.format(ledgerSuanli), Money.format(voucherSuanli),
                String.valueOf(ledgerSuanli - voucherSuanli), Money.format(ledgerZhineng), Money.format(voucherZhineng),
                String.valueOf(ledgerZhineng - voucherZhineng));
    }
}
