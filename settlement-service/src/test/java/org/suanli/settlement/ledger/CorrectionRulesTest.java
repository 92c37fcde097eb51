package org.suanli.settlement.ledger;

import org.junit.jupiter.api.Test;
import org.suanli.kernel.problem.ProblemException;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorrectionRulesTest {

    static final long CONTRACT = 58800; // 588.00: buyer 294.00 + 算力券 294.00 on completion

    @Test
    void money_may_move_between_the_buyer_and_the_programs_when_the_total_stays_the_contract_amount() {
        assertDoesNotThrow(() -> CorrectionRules.check("o", new OrderAmounts(39400, 19400, 0), CONTRACT, null));
        assertDoesNotThrow(() -> CorrectionRules.check("o", new OrderAmounts(58800, 0, 0), CONTRACT, null));
        assertDoesNotThrow(() -> CorrectionRules.check("o", new OrderAmounts(0, 29400, 29400), CONTRACT, null));
    }

    @Test
    void a_correction_that_creates_or_destroys_what_the_partner_is_owed_is_refused() {
        ProblemException more = assertThrows(ProblemException.class,
                () -> CorrectionRules.check("o", new OrderAmounts(0, 500000, 0), CONTRACT, null));
        assertEquals(422, more.status());
        assertEquals(CorrectionRules.CHANGES_TOTAL, more.slug());
        assertTrue(more.getMessage().contains("= 5000.00") && more.getMessage().contains("588.00"), more.getMessage());

        ProblemException less = assertThrows(ProblemException.class,
                () -> CorrectionRules.check("o", new OrderAmounts(29400, 29399, 0), CONTRACT, null));
        assertEquals(CorrectionRules.CHANGES_TOTAL, less.slug());
    }

    @Test
    void no_share_may_become_negative_even_when_the_total_is_right() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> CorrectionRules.check("o", new OrderAmounts(-10000, 68800, 0), CONTRACT, null));
        assertEquals(422, e.status());
        assertEquals(CorrectionRules.NEGATIVE_SHARE, e.slug());
        assertTrue(e.getMessage().contains("-100.00"), e.getMessage());
    }

    @Test
    void a_known_redemption_caps_each_subsidy_and_an_unknown_one_caps_nothing() {
        OrderAmounts redeemed = new OrderAmounts(0, 29400, 0);
        assertDoesNotThrow(() -> CorrectionRules.check("o", new OrderAmounts(29400, 29400, 0), CONTRACT, redeemed));
        assertDoesNotThrow(() -> CorrectionRules.check("o", new OrderAmounts(39400, 19400, 0), CONTRACT, redeemed));

        ProblemException suanli = assertThrows(ProblemException.class,
                () -> CorrectionRules.check("o", new OrderAmounts(19400, 39400, 0), CONTRACT, redeemed));
        assertEquals(422, suanli.status());
        assertEquals(CorrectionRules.EXCEEDS_REDEEMED, suanli.slug());
        assertTrue(suanli.getMessage().contains("算力券 394.00") && suanli.getMessage().contains("294.00"), suanli.getMessage());
        ProblemException zhineng = assertThrows(ProblemException.class,
                () -> CorrectionRules.check("o", new OrderAmounts(28400, 29400, 1000), CONTRACT, redeemed));
        assertEquals(CorrectionRules.EXCEEDS_REDEEMED, zhineng.slug());
        assertTrue(zhineng.getMessage().contains("智能券 10.00"), zhineng.getMessage());

        assertDoesNotThrow(() -> CorrectionRules.check("o", new OrderAmounts(19400, 39400, 0), CONTRACT, null));
    }
}
