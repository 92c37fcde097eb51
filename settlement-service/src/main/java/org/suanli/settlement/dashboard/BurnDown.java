package org.suanli.settlement.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A program year's budget burning down: from the day-by-day movements of holds and redemptions, the running
 * totals of held, redeemed and what remains of the budget. Plain Java, unit-tested.
 */
public final class BurnDown {

    /** Net change on one day (Asia/Shanghai), in fen. */
    public record DailyMovement(LocalDate day, long heldDeltaFen, long redeemedDeltaFen) {
    }

    /** End-of-day position; {@code remainingFen} is null when the budget is unknown. */
    public record Point(LocalDate day, long heldFen, long redeemedFen, Long remainingFen) {
        public long committedFen() {
            return heldFen + redeemedFen;
        }
    }

    private BurnDown() {
    }

    /** Movements in day order (several per day are summed) → one point per day that saw a movement. */
    public static List<Point> series(List<DailyMovement> movements, Long budgetFen) {
        List<Point> points = new ArrayList<>(movements.size());
        long held = 0;
        long redeemed = 0;
        LocalDate previous = null;
        for (DailyMovement m : movements) {
            if (previous != null && m.day().isBefore(previous)) {
                throw new IllegalArgumentException("movements must be in day order: " + m.day() + " after " + previous);
            }
            held = Math.addExact(held, m.heldDeltaFen());
            redeemed = Math.addExact(redeemed, m.redeemedDeltaFen());
            Long remaining = budgetFen == null ? null : budgetFen - held - redeemed;
            Point p = new Point(m.day(), held, redeemed, remaining);
            if (m.day().equals(previous)) {
                points.set(points.size() - 1, p);
            } else {
                points.add(p);
            }
            previous = m.day();
        }
        return points;
    }
}
