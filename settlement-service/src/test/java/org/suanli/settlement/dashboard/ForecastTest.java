package org.suanli.settlement.dashboard;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForecastTest {

    private static BurnDown.DailyMovement m(String day, long held, long redeemed) {
        return new BurnDown.DailyMovement(LocalDate.parse(day), held, redeemed);
    }

    @Test
    void the_burn_down_runs_held_and_redeemed_totals_and_what_remains_of_the_budget() {
        List<BurnDown.Point> s = BurnDown.series(List.of(
                m("2026-03-01", 1000, 0),
                m("2026-03-01", 500, 0),
                m("2026-03-04", -1000, 900),   // redeemed 900 of a 1000 hold, 100 back to the budget
                m("2026-03-05", -500, 0)), 10_000L); // released

        assertEquals(List.of(
                new BurnDown.Point(LocalDate.parse("2026-03-01"), 1500, 0, 8500L),
                new BurnDown.Point(LocalDate.parse("2026-03-04"), 500, 900, 8600L),
                new BurnDown.Point(LocalDate.parse("2026-03-05"), 0, 900, 9100L)), s);
        assertNull(BurnDown.series(List.of(m("2026-03-01", 1, 0)), null).get(0).remainingFen(), "unknown budget");
        assertThrows(IllegalArgumentException.class,
                () -> BurnDown.series(List.of(m("2026-03-02", 1, 0), m("2026-03-01", 1, 0)), null));
    }

    @Test
    void at_a_steady_burn_the_budget_runs_out_when_the_remainder_is_used_up() {
        // 100 yuan a day for 40 days up to 10 April: 4,000 committed of a 10,000 budget; 6,000 left = 60 days
        List<BurnDown.DailyMovement> moves = new java.util.ArrayList<>();
        LocalDate d = LocalDate.parse("2026-03-02");
        for (int i = 0; i < 40; i++) {
            moves.add(new BurnDown.DailyMovement(d.plusDays(i), 0, 10_000));
        }
        List<BurnDown.Point> s = BurnDown.series(moves, 1_000_000L);
        LocalDate today = LocalDate.parse("2026-04-10");

        BudgetForecast f = BudgetForecast.of(2026, 1_000_000L, s, today, 30);

        assertEquals(10_000, f.dailyBurnFen());
        assertEquals(LocalDate.parse("2026-06-09"), f.exhaustionDate());
        assertFalse(f.exhausted());
        assertFalse(f.outlastsYear());
        assertEquals(30, f.windowDays());
    }

    @Test
    void a_young_year_measures_its_rate_since_the_first_movement_and_rounds_the_day_up() {
        // 3 days, 1,000 fen committed in total: 333.33 fen/day; 9,000 left -> 27 days
        List<BurnDown.Point> s = BurnDown.series(List.of(m("2026-01-01", 400, 0), m("2026-01-03", 0, 600)), 10_000L);
        BudgetForecast f = BudgetForecast.of(2026, 10_000L, s, LocalDate.parse("2026-01-03"), 30);
        assertEquals(333, f.dailyBurnFen());
        assertEquals(3, f.windowDays());
        assertEquals(LocalDate.parse("2026-01-30"), f.exhaustionDate());
    }

    @Test
    void a_slow_burn_outlasts_the_program_year() {
        List<BurnDown.Point> s = BurnDown.series(List.of(m("2026-11-01", 0, 100)), 1_000_000L);
        BudgetForecast f = BudgetForecast.of(2026, 1_000_000L, s, LocalDate.parse("2026-11-30"), 30);
        assertTrue(f.outlastsYear());
        assertTrue(f.exhaustionDate().isAfter(LocalDate.parse("2026-12-31")));
    }

    @Test
    void nothing_committed_lately_gives_no_run_out_date() {
        List<BurnDown.Point> s = BurnDown.series(List.of(m("2026-01-05", 0, 100)), 10_000L);
        BudgetForecast f = BudgetForecast.of(2026, 10_000L, s, LocalDate.parse("2026-06-01"), 30);
        assertNull(f.exhaustionDate());
        assertEquals(0, f.dailyBurnFen());
        assertNull(BudgetForecast.of(2026, 10_000L, List.of(), LocalDate.parse("2026-06-01"), 30).exhaustionDate());
    }

    @Test
    void a_fully_committed_budget_is_exhausted_since_the_day_it_ran_out() {
        List<BurnDown.Point> s = BurnDown.series(List.of(m("2026-05-01", 6000, 0), m("2026-05-07", 0, 4000)), 10_000L);
        BudgetForecast f = BudgetForecast.of(2026, 10_000L, s, LocalDate.parse("2026-05-20"), 30);
        assertTrue(f.exhausted());
        assertEquals(LocalDate.parse("2026-05-07"), f.exhaustionDate());
    }

    @Test
    void without_a_budget_there_is_a_rate_but_no_date() {
        List<BurnDown.Point> s = BurnDown.series(List.of(m("2026-05-01", 3000, 0)), null);
        BudgetForecast f = BudgetForecast.of(2026, null, s, LocalDate.parse("2026-05-01"), 30);
        assertEquals(3000, f.dailyBurnFen());
        assertNull(f.exhaustionDate());
    }
}
