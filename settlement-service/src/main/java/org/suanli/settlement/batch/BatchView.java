package org.suanli.settlement.batch;

import org.suanli.kernel.money.Money;

import java.time.Instant;
import java.util.List;

/**
 * A settlement batch as the API shows it: money as yuan strings; while OPEN the totals are summed live
 * ({@code frozen=false}), from CLOSED on they are the frozen figures. {@code lines} only on a single batch.
 */
public record BatchView(long id, String partnerId, String period, BatchStatus status, boolean frozen, int entryCount,
                        String buyerPaid, String suanli, String zhineng, String total, Instant closedAt,
                        String closedBy, Instant approvedAt, String approvedBy, Instant paidAt, String paidBy,
                        String paymentReference, Instant createdAt, List<StatementLine> lines) {

    static BatchView of(SettlementBatch b, BatchTotals t, List<StatementLine> lines) {
        return new BatchView(b.id, b.partnerId, b.period, b.status, b.status != BatchStatus.OPEN, t.entryCount(),
                Money.format(t.buyerPaidFen()), Money.format(t.suanliFen()), Money.format(t.zhinengFen()),
                Money.format(t.totalFen()), b.closedAt, b.closedBy, b.approvedAt, b.approvedBy, b.paidAt, b.paidBy,
                b.paymentReference, b.createdAt, lines);
    }
}
