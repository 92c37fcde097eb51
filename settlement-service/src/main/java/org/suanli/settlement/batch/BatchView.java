package org.suanli.settlement.batch;

import org.suanli.kernel.money.Money;

import org.suanli.settlement.ledger.PostingRow;

import java.time.Instant;
import java.util.List;

/**
 * A settlement batch as the API shows it: money as yuan strings; while OPEN the totals are summed live
 * ({@code frozen=false}), from CLOSED on they are the frozen figures; {@code paid}, {@code open} and {@code owedBack}
 * split the total by its payment. {@code lines} and {@code payment} only on a single batch.
 */
public record BatchView(long id, String partnerId, String period, BatchStatus status, boolean frozen, int entryCount,
                        String buyerPaid, String suanli, String zhineng, String total, Instant closedAt,
                        String closedBy, Instant approvedAt, String approvedBy, Instant paidAt, String paidBy,
                        String paymentReference, Instant createdAt, String paid, String open, String owedBack,
                        List<StatementLine> lines, List<PaymentLine> payment) {

    /** A posting of the batch's payment: the partner's payable cleared against the treasury, by source. */
    public record PaymentLine(int line, String account, String side, String amount, String memo) {
    }

    static BatchView of(SettlementBatch b, BatchTotals t, List<StatementLine> lines) {
        BatchRules.Balance bal = BatchRules.balance(b.status, t.totalFen());
        return new BatchView(b.id, b.partnerId, b.period, b.status, b.status != BatchStatus.OPEN, t.entryCount(),
                Money.format(t.buyerPaidFen()), Money.format(t.suanliFen()), Money.format(t.zhinengFen()),
                Money.format(t.totalFen()), b.closedAt, b.closedBy, b.approvedAt, b.approvedBy, b.paidAt, b.paidBy,
                b.paymentReference, b.createdAt, Money.format(bal.paidFen()), Money.format(bal.openFen()),
                Money.format(bal.owedBackFen()), lines, null);
    }

    BatchView withPayment(List<PostingRow> rows) {
        return new BatchView(id, partnerId, period, status, frozen, entryCount, buyerPaid, suanli, zhineng, total,
                closedAt, closedBy, approvedAt, approvedBy, paidAt, paidBy, paymentReference, createdAt, paid, open,
                owedBack, lines, rows.stream().map(r -> new PaymentLine(r.line, r.account, r.side.name(),
                        Money.format(r.amountFen), r.memo)).toList());
    }
}
