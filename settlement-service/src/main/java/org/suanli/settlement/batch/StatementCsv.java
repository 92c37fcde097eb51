package org.suanli.settlement.batch;

import org.suanli.settlement.reconciliation.Csv;

import java.util.List;

/**
 * A partner's statement as CSV: one line per journal entry of the batch, then the batch's TOTAL, then its PAID line
 * (reference and amount) once paid, or OWED_BACK when clawbacks exceed what it owes.
 */
public final class StatementCsv {

    public static final String HEADER = "batch_id,partner_id,period,status,entry_id,kind,order_id,corrects_entry_id,"
            + "buyer_id,contract_date,completed_at,facility_type,category,district,invoice_number,actual_amount_yuan,"
            + "buyer_paid_yuan,suanli_yuan,zhineng_yuan,partner_owed_yuan,reason";

    private StatementCsv() {
    }

    public static String render(BatchView batch, List<StatementLine> lines) {
        StringBuilder b = new StringBuilder(256 + lines.size() * 200);
        b.append(HEADER).append('\n');
        String head = batch.id() + "," + Csv.text(batch.partnerId()) + "," + batch.period() + "," + batch.status() + ",";
        for (StatementLine l : lines) {
            b.append(head).append(l.entryId()).append(',').append(l.kind()).append(',').append(Csv.text(l.orderId()))
                    .append(',').append(l.correctsEntryId() == null ? "" : l.correctsEntryId().toString())
                    .append(',').append(Csv.text(l.buyerId())).append(',').append(l.contractDate())
                    .append(',').append(l.completedAt()).append(',').append(Csv.text(l.facilityType()))
                    .append(',').append(Csv.text(l.category())).append(',').append(Csv.text(l.district()))
                    .append(',').append(Csv.text(l.invoiceNumber())).append(',').append(l.actualAmount())
                    .append(',').append(l.buyerPaid()).append(',').append(l.suanli()).append(',').append(l.zhineng())
                    .append(',').append(l.partnerOwed()).append(',').append(Csv.text(l.reason())).append('\n');
        }
        b.append(head).append(",TOTAL,,,,,,,,,,,").append(batch.buyerPaid()).append(',').append(batch.suanli())
                .append(',').append(batch.zhineng()).append(',').append(batch.total()).append(',')
                .append(batch.entryCount()).append(" entries\n");
        // the payment (reference in the invoice column, amount in the owed column) or what the partner owes back
        if (batch.paymentReference() != null) {
            b.append(head).append(",PAID,,,,,,,,,").append(Csv.text(batch.paymentReference())).append(",,,,,")
                    .append(batch.paid()).append(",paid ").append(batch.paidAt()).append(" by ")
                    .append(Csv.text(batch.paidBy()).replace(",", " ")).append('\n');
        } else if (!"0.00".equals(batch.owedBack())) {
            b.append(head).append(",OWED_BACK,,,,,,,,,,,,,,-").append(batch.owedBack())
                    .append(",clawbacks exceed what the batch owes\n");
        }
        return b.toString();
    }
}
