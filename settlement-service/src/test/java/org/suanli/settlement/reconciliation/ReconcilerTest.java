package org.suanli.settlement.reconciliation;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReconcilerTest {

    private static VoucherAmounts a(String order, long suanli, long zhineng) {
        return new VoucherAmounts(order, suanli, zhineng);
    }

    @Test
    void after_the_normal_flows_everything_matches_and_the_difference_is_zero_fen() {
        List<VoucherAmounts> both = List.of(a("o1", 37035, 0), a("o2", 15000, 9000), a("o3", 1, 1));

        Reconciliation r = Reconciler.reconcile(both, List.copyOf(both));

        assertEquals(3, r.matched());
        assertTrue(r.clean());
        assertEquals(0, r.totals().suanliDifferenceFen());
        assertEquals(0, r.totals().zhinengDifferenceFen());
        assertEquals(37035 + 15000 + 1, r.totals().ledgerSuanliFen());
    }

    @Test
    void every_mismatch_is_listed_with_its_order_and_the_exact_difference_in_fen_for_both_programs() {
        List<VoucherAmounts> ledger = List.of(a("o1", 37035, 0), a("o2", 15000, 9000), a("o3", 500, 0), a("o4", 100, 0));
        List<VoucherAmounts> voucher = List.of(a("o4", 100, 0), a("o3", 500, 0), a("o2", 15001, 8990), a("o1", 37000, 0));

        Reconciliation r = Reconciler.reconcile(ledger, voucher);

        assertEquals(2, r.matched());
        assertEquals(2, r.mismatches().size());
        Reconciliation.Mismatch m1 = r.mismatches().get(0);
        assertEquals("o1", m1.orderId());
        assertEquals(35, m1.suanliDifferenceFen(), "ledger 370.35 vs voucher 370.00");
        assertEquals(0, m1.zhinengDifferenceFen());
        Reconciliation.Mismatch m2 = r.mismatches().get(1);
        assertEquals("o2", m2.orderId());
        assertEquals(-1, m2.suanliDifferenceFen());
        assertEquals(10, m2.zhinengDifferenceFen());
        assertEquals(35 - 1, r.totals().suanliDifferenceFen());
        assertEquals(10, r.totals().zhinengDifferenceFen());
        assertFalse(r.clean());
    }

    @Test
    void orders_on_one_side_only_are_missing_on_the_other() {
        List<VoucherAmounts> ledger = List.of(a("o1", 100, 0), a("only-ledger", 250, 50));
        List<VoucherAmounts> voucher = List.of(a("o1", 100, 0), a("only-voucher", 700, 0));

        Reconciliation r = Reconciler.reconcile(ledger, voucher);

        assertEquals(1, r.matched());
        assertEquals(List.of(a("only-voucher", 700, 0)), r.missingInLedger());
        assertEquals(List.of(a("only-ledger", 250, 50)), r.missingInVoucher());
        assertEquals(350, r.totals().ledgerSuanliFen());
        assertEquals(800, r.totals().voucherSuanliFen());
        assertEquals(-450, r.totals().suanliDifferenceFen());
        assertEquals(50, r.totals().zhinengDifferenceFen());
    }

    @Test
    void an_order_without_any_voucher_is_nothing_to_reconcile() {
        Reconciliation r = Reconciler.reconcile(List.of(a("no-subsidy", 0, 0), a("o1", 5, 0)), List.of(a("o1", 5, 0)));
        assertEquals(2, r.matched());
        assertTrue(r.clean());
    }

    @Test
    void an_order_listed_twice_is_reported_and_its_amounts_summed() {
        Reconciliation r = Reconciler.reconcile(List.of(a("o1", 200, 0)), List.of(a("o1", 100, 0), a("o1", 100, 0)));
        assertEquals(List.of("o1"), r.duplicatedInVoucher());
        assertEquals(1, r.matched(), "the amounts add up, but the duplicate is still reported");
        assertFalse(r.clean());
    }

    @Test
    void the_csv_lists_what_needs_explaining_then_the_totals() {
        Reconciliation r = Reconciler.reconcile(
                List.of(a("o1", 37035, 0), a("o2", 100, 0), a("only-ledger", 250, 50)),
                List.of(a("o1", 37000, 0), a("o2", 100, 0), a("=only-voucher", 700, 0)));
        StringWriter out = new StringWriter();

        ReconciliationCsv.write(r, out);

        assertEquals("\uFEFF" + String.join("\r\n",
                ReconciliationCsv.HEADER,
                "MISMATCH,o1,370.35,370.00,35,0.00,0.00,0",
                "MISSING_IN_LEDGER,'=only-voucher,0.00,7.00,-700,0.00,0.00,0",
                "MISSING_IN_VOUCHER,only-ledger,2.50,0.00,250,0.50,0.00,50",
                "TOTAL,,373.85,378.00,-415,0.50,0.00,50",
                "MATCHED,1,,,,,,",
                "MATCHED_ORDER,o2,1.00,1.00,0,0.00,0.00,0",
                "STATUS,3 differences to explain,,,,,,") + "\r\n", out.toString());
    }
}
