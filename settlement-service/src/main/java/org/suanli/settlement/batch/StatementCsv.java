package org.suanli.settlement.batch;

import org.suanli.kernel.csv.Csv;

import java.util.List;

/**
 * A partner's statement as CSV ({@link Csv}: BOM, CRLF, formula guard): one line per journal entry of the batch,
 * then the batch's TOTAL, then its PAID line (reference and amount) once paid, or OWED_BACK when clawbacks exceed
 * what it owes.
 */
public final class StatementCsv {

    public static final String HEADER = "batch_id,partner_id,period,status,entry_id,kind,order_id,corrects_entry_id,"
            + "buyer_id,contract_date,completed_at,facility_type,category,district,invoice_number,actual_amount_yuan,"
            + "buyer_paid_yuan,suanli_yuan,zhineng_yuan,partner_owed_yuan,reason";

    private StatementCsv() {
    }

    public static String render(BatchView batch, List<StatementLine> lines) {
        StringBuilder b = new StringBuilder(256 + lines.size() * 200);
        Csv.start(b, HEADER);
        String id = String.valueOf(batch.id());
        String partner = Csv.text(batch.partnerId());
        String period = String.valueOf(batch.period());
        String status = String.valueOf(batch.status());
        for (StatementLine l : lines) {
            Csv.line(b, id, partner, period, status, String.valueOf(l.entryId()), String.valueOf(l.kind()),
                    Csv.text(l.orderId()), l.correctsEntryId() == null ? "" : l.correctsEntryId().toString(),
                    Csv.text(l.buyerId()), plain(l.contractDate()), plain(l.completedAt()),
                    Csv.text(l.facilityType()), Csv.text(l.category()), Csv.text(l.district()), Csv.text(l.invoiceNumber()),
                    l.actualAmount(), l.buyerPaid(), l.suanli(), l.zhineng(), l.partnerOwed(), Csv.text(l.reason()));
        }
        Csv.line(b, id, partner, period, status, "", "TOTAL", "", "", "", "", "", "", "", "", "", "",
                batch.buyerPaid(), batch.suanli(), batch.zhineng(), batch.total(), batch.entryCount() + " entries");
        // the payment (reference in the invoice column, amount in the owed column) or what the partner owes back
        if (batch.paymentReference() != null) {
            Csv.line(b, id, partner, period, status, "", "PAID", "", "", "", "", "", "", "", "",
                    Csv.text(batch.paymentReference()), "", "", "", "", batch.paid(),
                    Csv.text("paid " + batch.paidAt() + " by " + batch.paidBy()));
        } else if (!"0.00".equals(batch.owedBack())) {
            Csv.line(b, id, partner, period, status, "", "OWED_BACK", "", "", "", "", "", "", "", "", "", "", "", "", "",
                    "-" + batch.owedBack(), "clawbacks exceed what the batch owes");
        }
        return b.toString();
    }

    private static String plain(Object figure) {
        return figure == null ? "" : figure.toString();
    }
}
