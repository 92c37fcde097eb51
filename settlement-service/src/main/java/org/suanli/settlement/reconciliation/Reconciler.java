package org.suanli.settlement.reconciliation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches the ledger's voucher amounts against voucher-service's redeemed figures, order by order. Plain
 * Java (no Quarkus, no database): the service feeds it, the unit tests and the one-million-row benchmark
 * (bench/settlement) call it directly.
 * <ul>
 *   <li>An order on both sides with equal 算力券 and 智能券 amounts is matched; otherwise it is a mismatch
 *       with both differences (ledger − voucher) in fen.</li>
 *   <li>An order on one side only is missing on the other, unless its amounts there are both zero: an order
 *       without any voucher is nothing to reconcile (the ledger records every completed order, voucher-service
 *       may list only those it paid a subsidy on). Such orders count as matched.</li>
 *   <li>An order listed twice on one side is reported as a duplicate (one claim per contract), and its
 *       amounts are summed before matching.</li>
 * </ul>
 * Cost: one hash map over the ledger side, one pass over the voucher side; the lists are sorted by order id
 * so that the report and its CSV are stable.
 */
public final class Reconciler {

    private Reconciler() {
    }

    public static Reconciliation reconcile(List<VoucherAmounts> ledger, List<VoucherAmounts> voucher) {
        // order id -> {suanli, zhineng, seen-on-voucher-side flag}
        Map<String, long[]> ledgerByOrder = new HashMap<>(capacity(ledger.size()));
        List<String> duplicatedInLedger = new ArrayList<>();
        long ledgerSuanli = 0;
        long ledgerZhineng = 0;
        for (VoucherAmounts l : ledger) {
            long[] acc = ledgerByOrder.get(l.orderId());
            if (acc == null) {
                ledgerByOrder.put(l.orderId(), new long[]{l.suanliFen(), l.zhinengFen(), 0});
            } else {
                duplicatedInLedger.add(l.orderId());
                acc[0] = Math.addExact(acc[0], l.suanliFen());
                acc[1] = Math.addExact(acc[1], l.zhinengFen());
            }
            ledgerSuanli = Math.addExact(ledgerSuanli, l.suanliFen());
            ledgerZhineng = Math.addExact(ledgerZhineng, l.zhinengFen());
        }

        Map<String, long[]> voucherByOrder = new HashMap<>(capacity(voucher.size()));
        List<String> duplicatedInVoucher = new ArrayList<>();
        long voucherSuanli = 0;
        long voucherZhineng = 0;
        for (VoucherAmounts v : voucher) {
            long[] acc = voucherByOrder.get(v.orderId());
            if (acc == null) {
                voucherByOrder.put(v.orderId(), new long[]{v.suanliFen(), v.zhinengFen()});
            } else {
                duplicatedInVoucher.add(v.orderId());
                acc[0] = Math.addExact(acc[0], v.suanliFen());
                acc[1] = Math.addExact(acc[1], v.zhinengFen());
            }
            voucherSuanli = Math.addExact(voucherSuanli, v.suanliFen());
            voucherZhineng = Math.addExact(voucherZhineng, v.zhinengFen());
        }

        List<VoucherAmounts> matched = new ArrayList<>();
        List<Reconciliation.Mismatch> mismatches = new ArrayList<>();
        List<VoucherAmounts> missingInLedger = new ArrayList<>();
        for (Map.Entry<String, long[]> e : voucherByOrder.entrySet()) {
            long[] v = e.getValue();
            long[] l = ledgerByOrder.get(e.getKey());
            if (l == null) {
                if (v[0] == 0 && v[1] == 0) {
                    matched.add(new VoucherAmounts(e.getKey(), 0, 0));
                } else {
                    missingInLedger.add(new VoucherAmounts(e.getKey(), v[0], v[1]));
                }
                continue;
            }
            l[2] = 1;
            if (l[0] == v[0] && l[1] == v[1]) {
                matched.add(new VoucherAmounts(e.getKey(), v[0], v[1]));
            } else {
                mismatches.add(new Reconciliation.Mismatch(e.getKey(), l[0], v[0], l[1], v[1]));
            }
        }
        List<VoucherAmounts> missingInVoucher = new ArrayList<>();
        for (Map.Entry<String, long[]> e : ledgerByOrder.entrySet()) {
            long[] l = e.getValue();
            if (l[2] == 0) {
                if (l[0] == 0 && l[1] == 0) {
                    matched.add(new VoucherAmounts(e.getKey(), 0, 0));
                } else {
                    missingInVoucher.add(new VoucherAmounts(e.getKey(), l[0], l[1]));
                }
            }
        }
        matched.sort(Comparator.comparing(VoucherAmounts::orderId));
        mismatches.sort(Comparator.comparing(Reconciliation.Mismatch::orderId));
        missingInLedger.sort(Comparator.comparing(VoucherAmounts::orderId));
        missingInVoucher.sort(Comparator.comparing(VoucherAmounts::orderId));
        duplicatedInLedger.sort(null);
        duplicatedInVoucher.sort(null);
        return new Reconciliation(ledgerByOrder.size(), voucherByOrder.size(), matched.size(), matched, mismatches, missingInLedger,
                missingInVoucher, duplicatedInVoucher, duplicatedInLedger,
                new Reconciliation.Totals(ledgerSuanli, voucherSuanli, ledgerZhineng, voucherZhineng));
    }

    private static int capacity(int n) {
        return (int) Math.min(Integer.MAX_VALUE - 8, (long) (n / 0.75f) + 1);
    }
}
