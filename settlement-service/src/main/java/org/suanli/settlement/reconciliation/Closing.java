package org.suanli.settlement.reconciliation;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a reconciled period closes: each difference is either acknowledged (finance explained exactly this
 * difference of this order by a correction or clawback entry) or still to explain. A period with nothing left to
 * explain is clean, "with N acknowledged differences" when some were explained. Duplicates cannot be
 * acknowledged: one claim per contract is a fault to fix, not a difference to explain. Plain Java.
 */
public record Closing(Map<Reconciliation.Difference, Acknowledgement> acknowledged, int unexplained, boolean clean,
                      String status) {

    /** Finance's explanation of one difference (ledger − voucher, fen) by the journal entry behind it. */
    public record Acknowledgement(long id, String orderId, int programYear, String status, long suanliDifferenceFen,
                                  long zhinengDifferenceFen, long explainedByEntryId, String explainedByKind,
                                  String reason, String acknowledgedBy, Instant acknowledgedAt) {
        Reconciliation.Difference difference() {
            return new Reconciliation.Difference(status, orderId, suanliDifferenceFen, zhinengDifferenceFen);
        }
    }

    public static Closing of(Reconciliation r, List<Acknowledgement> acks) {
        Map<Reconciliation.Difference, Acknowledgement> byDifference = new HashMap<>();
        for (Acknowledgement a : acks) {
            byDifference.putIfAbsent(a.difference(), a);
        }
        Map<Reconciliation.Difference, Acknowledgement> applied = new HashMap<>();
        int unexplained = r.duplicatedInLedger().size() + r.duplicatedInVoucher().size();
        for (Reconciliation.Difference d : r.differences()) {
            Acknowledgement a = byDifference.get(d);
            if (a == null) {
                unexplained++;
            } else {
                applied.put(d, a);
            }
        }
        boolean clean = unexplained == 0;
        int n = applied.size();
        String status = !clean ? unexplained + (unexplained == 1 ? " difference" : " differences") + " to explain"
                + (n == 0 ? "" : ", " + n + " acknowledged")
                : n == 0 ? "clean" : "clean, with " + n + (n == 1 ? " acknowledged difference" : " acknowledged differences");
        return new Closing(Map.copyOf(applied), unexplained, clean, status);
    }

    /** Nothing acknowledged: the reconciliation as it stands. */
    public static Closing none(Reconciliation r) {
        return of(r, List.of());
    }

    public Acknowledgement of(Reconciliation.Difference d) {
        return acknowledged.get(d);
    }
}
