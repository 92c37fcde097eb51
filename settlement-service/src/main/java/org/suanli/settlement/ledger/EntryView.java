package org.suanli.settlement.ledger;

import org.suanli.kernel.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A journal entry with its postings, money as yuan strings (a correction's may be negative). */
public record EntryView(long id, String kind, String orderId, Long correctsEntryId, long batchId, String buyerId,
                        String partnerId, String facilityType, String category, String district,
                        LocalDate contractDate, int programYear, Instant completedAt, String actualAmount,
                        String buyerPays, String suanli, String zhineng, String partnerOwed, String reason,
                        String postedBy, Instant postedAt, boolean balanced, List<Line> postings) {

    public record Line(int line, String account, String side, String amount, String memo) {
    }

    public static EntryView of(JournalEntry e, List<PostingRow> rows) {
        long debits = rows.stream().filter(r -> r.side == Posting.Side.D).mapToLong(r -> r.amountFen).sum();
        long credits = rows.stream().filter(r -> r.side == Posting.Side.C).mapToLong(r -> r.amountFen).sum();
        return new EntryView(e.id, e.kind.name(), e.orderId, e.correctsEntryId, e.batchId, e.buyerId, e.partnerId,
                e.facilityType, e.category, e.district, e.contractDate, e.programYear, e.completedAt,
                Money.format(e.actualAmountFen), Money.format(e.buyerPaysFen), Money.format(e.suanliFen),
                Money.format(e.zhinengFen), Money.format(e.partnerOwedFen), e.reason, e.postedBy, e.postedAt,
                debits == credits,
                rows.stream().map(r -> new Line(r.line, r.account, r.side.name(), Money.format(r.amountFen), r.memo)).toList());
    }
}
