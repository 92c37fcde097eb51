package org.suanli.settlement.reconciliation;

import org.suanli.kernel.csv.Csv;
import org.suanli.kernel.money.Money;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The reconciliation as CSV for a spreadsheet ({@link Csv}: BOM, CRLF, formula guard): one line per order that
 * needs explaining (mismatch, missing on one side, duplicate), then a TOTAL line and a MATCHED count. Amounts in
 * yuan, differences in fen.
 */
public final class ReconciliationCsv {

    public static final String HEADER = "status,order_id,ledger_suanli_yuan,voucher_suanli_yuan,suanli_difference_fen,"
            + "ledger_zhineng_yuan,voucher_zhineng_yuan,zhineng_difference_fen";

    private ReconciliationCsv() {
    }

    public static void write(Reconciliation r, Writer out) {
        Csv.start(out, HEADER);
        for (Reconciliation.Mismatch m : r.mismatches()) {
            line(out, "MISMATCH", m.orderId(), m.ledgerSuanliFen(), m.voucherSuanliFen(), m.ledgerZhinengFen(),
                    m.voucherZhinengFen());
        }
        for (VoucherAmounts v : r.missingInLedger()) {
            line(out, "MISSING_IN_LEDGER", v.orderId(), 0, v.suanliFen(), 0, v.zhinengFen());
        }
        for (VoucherAmounts l : r.missingInVoucher()) {
            line(out, "MISSING_IN_VOUCHER", l.orderId(), l.suanliFen(), 0, l.zhinengFen(), 0);
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
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(Writer out, String status, String orderId, long ledgerSuanli, long voucherSuanli,
                             long ledgerZhineng, long voucherZhineng) {
        Csv.line(out, status, Csv.text(orderId), Money.format(ledgerSuanli), Money.format(voucherSuanli),
                String.valueOf(ledgerSuanli - voucherSuanli), Money.format(ledgerZhineng), Money.format(voucherZhineng),
                String.valueOf(ledgerZhineng - voucherZhineng));
    }
}
