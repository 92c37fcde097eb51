package org.suanli.settlement.dashboard;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * When does a program year's budget run out if money keeps being committed (held + redeemed) at the rate of
 * the last {@code windowDays} days (or since the first movement, if that is more recent)? Plain Java,
 * integer fen, unit-tested.
 *
 * @param dailyBurnFen   average fen committed per day over the window (floored), 0 when nothing moved
 * @param exhaustionDate the first day the budget is gone at that rate; null when nothing burns or the budget is
 *                       unknown; the day it ran out if it already has
 * @param exhausted      the budget is already fully committed
 * @param outlastsYear   at the current rate the budget lasts beyond the program year's 31 December
 * @param windowDays     the days the rate was measured over
 */
public record BudgetForecast(long dailyBurnFen, LocalDate exhaustionDate, boolean exhausted, boolean outlastsYear,
                             int windowDays) {

    public static BudgetForecast of(int programYear, Long budgetFen, List<BurnDown.Point> series, LocalDate today,
                                    int windowDays) {
        if (windowDays < 1) {
            throw new IllegalArgumentException("the window must be at least one day");
        }
        LocalDate yearEnd = LocalDate.of(programYear, 12, 31);
        if (series.isEmpty()) {
            return new BudgetForecast(0, null, false, budgetFen != null, windowDays);
        }
        long committedNow = committedAt(series, today);
        if (budgetFen != null && committedNow >= budgetFen) {
            LocalDate ranOut = series.stream().filter(p -> p.committedFen() >= budgetFen).findFirst()
                    .map(BurnDown.Point::day).orElse(today);
            return new BudgetForecast(0, ranOut, true, false, windowDays);
        }
        LocalDate first = series.get(0).day();
        LocalDate windowStart = today.minusDays(windowDays); // exclusive: the position at the end of that day
        long days;
        long burned;
        if (!first.isAfter(windowStart)) {
            days = windowDays;
            burned = committedNow - committedAt(series, windowStart);
        } else {
            days = Math.max(1, ChronoUnit.DAYS.between(first, today) + 1);
            burned = committedNow;
        }
        if (burned <= 0 || days <= 0) {
            return new BudgetForecast(0, null, false, budgetFen != null, (int) Math.max(days, 1));
        }
        long dailyBurn = burned / days;
        if (budgetFen == null) {
            return new BudgetForecast(dailyBurn, null, false, false, (int) days);
        }
        long remaining = budgetFen - committedNow;
        // ceil(remaining / (burned / days)) without floating point
        long daysLeft = ceilDiv(Math.multiplyExact(remaining, days), burned);
        LocalDate runsOut = today.plusDays(daysLeft);
        return new BudgetForecast(dailyBurn, runsOut, false, runsOut.isAfter(yearEnd), (int) days);
    }

    /** Committed at the end of {@code day}: the last point on or before it, 0 before the first. */
    static long committedAt(List<BurnDown.Point> series, LocalDate day) {
        long committed = 0;
        for (BurnDown.Point p : series) {
            if (p.day().isAfter(day)) {
                break;
            }
            committed = p.committedFen();
        }
        return committed;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
