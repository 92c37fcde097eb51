package org.suanli.settlement.ledger;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DoubleEntryTest {

    @Test
    void a_completed_order_debits_the_buyer_and_each_program_and_credits_the_partner_with_the_whole_contract() {
        List<Posting> lines = DoubleEntry.postings("ent-xihu-ai", "ptn-hz-ascend", 2026,
                new OrderAmounts(86415, 37035, 12345));

        assertEquals(List.of(
                Posting.debit("buyer:ent-xihu-ai", 86415, "buyer pays its part of the contract"),
                Posting.credit("partner:ptn-hz-ascend", 86415, "buyer pays its part of the contract"),
                Posting.debit("program:SUANLI:2026", 37035, "算力券 subsidy"),
                Posting.credit("partner:ptn-hz-ascend", 37035, "算力券 subsidy"),
                Posting.debit("program:ZHINENG:2026", 12345, "智能券 subsidy"),
                Posting.credit("partner:ptn-hz-ascend", 12345, "智能券 subsidy")), lines);
        assertEquals(0, lines.stream().mapToLong(Posting::signedFen).sum(), "debits equal credits");
        long owed = lines.stream().filter(p -> p.account().startsWith("partner:")).mapToLong(Posting::amountFen).sum();
        assertEquals(86415 + 37035 + 12345, owed, "the partner is owed the whole contract amount");
    }

    @Test
    void parts_of_zero_post_nothing() {
        List<Posting> lines = DoubleEntry.postings("b", "p", 2025, new OrderAmounts(100000, 0, 0));
        assertEquals(2, lines.size());
        assertTrue(DoubleEntry.postings("b", "p", 2025, OrderAmounts.ZERO).isEmpty());
    }

    @Test
    void a_negative_correction_reverses_its_pair_of_lines_and_still_balances() {
        List<Posting> lines = DoubleEntry.postings("b", "p", 2026, new OrderAmounts(500, -500, 0));

        assertEquals(List.of(
                Posting.debit("buyer:b", 500, "buyer pays its part of the contract"),
                Posting.credit("partner:p", 500, "buyer pays its part of the contract"),
                Posting.debit("partner:p", 500, "correction: 算力券 subsidy"),
                Posting.credit("program:SUANLI:2026", 500, "correction: 算力券 subsidy")), lines);
        assertEquals(0, lines.stream().mapToLong(Posting::signedFen).sum());
    }

    @Test
    void an_unbalanced_set_of_lines_is_refused() {
        assertThrows(IllegalStateException.class, () -> DoubleEntry.requireBalanced(List.of(
                Posting.debit("buyer:b", 100, null), Posting.credit("partner:p", 99, null))));
    }

    @Test
    void postings_move_positive_amounts_on_known_accounts_only() {
        assertThrows(IllegalArgumentException.class, () -> Posting.debit("buyer:b", 0, null));
        assertThrows(IllegalArgumentException.class, () -> Posting.credit("buyer:b", -1, null));
        assertThrows(IllegalArgumentException.class, () -> Accounts.program("OTHER", 2026));
        assertThrows(IllegalArgumentException.class, () -> Accounts.buyer(" "));
    }

    @Test
    void amounts_add_and_subtract_per_part() {
        OrderAmounts a = new OrderAmounts(100, 30, 10);
        OrderAmounts b = new OrderAmounts(90, 40, 10);
        assertEquals(new OrderAmounts(-10, 10, 0), b.minus(a));
        assertEquals(140, a.partnerOwedFen());
        assertEquals(b, a.plus(b.minus(a)));
    }
}
