package org.suanli.kernel.money;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MoneyTest {

    @Test
    void yuan_with_up_to_two_decimals_is_read_as_exact_fen() {
        assertEquals(123450, Money.parseYuan("1234.50"));
        assertEquals(123450, Money.parseYuan("1234.5"));
        assertEquals(100, Money.parseYuan("1"));
        assertEquals(7, Money.parseYuan("0.07"));
        assertEquals(0, Money.parseYuan("0"));
    }

    @Test
    void anything_else_is_refused_rather_than_guessed() {
        for (String bad : new String[]{"1.234", "-1.00", "+1", "1,000.00", "1e3", "01.00", ".5", "1.", "", " ", "abc",
                "1000000000000.00", "99999999999999999999"}) {
            assertThrows(IllegalArgumentException.class, () -> Money.parseYuan(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> Money.parseYuan(null));
        assertThrows(IllegalArgumentException.class, () -> Money.parsePositiveYuan("0.00"));
    }

    @Test
    void a_figure_too_large_is_called_too_large_not_malformed() {
        IllegalArgumentException huge = assertThrows(IllegalArgumentException.class,
                () -> Money.parseYuan("99999999999999999999.00"));
        org.junit.jupiter.api.Assertions.assertTrue(huge.getMessage().contains("beyond any plausible contract"), huge.getMessage());
        IllegalArgumentException malformed = assertThrows(IllegalArgumentException.class, () -> Money.parseYuan("12.345"));
        org.junit.jupiter.api.Assertions.assertTrue(malformed.getMessage().contains("at most two decimals"), malformed.getMessage());
    }

    @Test
    void fen_are_shown_as_yuan_with_two_decimals() {
        assertEquals("1234.50", Money.format(123450));
        assertEquals("0.07", Money.format(7));
        assertEquals("0.00", Money.format(0));
        assertEquals("-12.30", Money.format(-1230));
    }

    @Test
    void a_rate_is_applied_with_a_floor_so_public_money_is_never_rounded_up() {
        // 0.07 CNY at 20% = 0.014 → 0.01; 333.33 at 10% = 33.333 → 33.33; 0.04 at 20% = 0.008 → 0.00
        assertEquals(1, Money.applyRate(7, 2000));
        assertEquals(3333, Money.applyRate(33333, 1000));
        assertEquals(0, Money.applyRate(4, 2000));
        assertThrows(ArithmeticException.class, () -> Money.applyRate(Long.MAX_VALUE / 2, 5000));
    }

    @Test
    void rates_in_basis_points_read_as_fractions() {
        assertEquals("0.30", Rates.format(3000));
        assertEquals("0.15", Rates.format(1500));
        assertEquals("0.00", Rates.format(0));
        assertEquals("0.1234", Rates.format(1234));
        assertEquals("1.00", Rates.format(10000));
    }
}
