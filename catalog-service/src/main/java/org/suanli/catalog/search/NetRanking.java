package org.suanli.catalog.search;

import org.suanli.kernel.money.Money;

import java.util.Comparator;
import java.util.List;

/** Order by what the buyer pays after vouchers, then list price, then id (stable pages). Pure. */
public final class NetRanking {

    private NetRanking() {
    }

    public record Ranked<T>(T item, long buyerPaysFen, long unitPriceFen, String id) {
    }

    public static <T> List<Ranked<T>> sort(List<Ranked<T>> items) {
        return items.stream().sorted(Comparator.<Ranked<T>>comparingLong(Ranked::buyerPaysFen)
                .thenComparingLong(Ranked::unitPriceFen).thenComparing(Ranked::id)).toList();
    }

    /** The amount quoted for {@code hoursTenths} GPU-hours at {@code unitPriceFen}: floor to the fen. */
    public static long amountFen(long unitPriceFen, long hoursTenths) {
        return Math.multiplyExact(unitPriceFen, hoursTenths) / 10;
    }

    /** buyerPays / hours, rounded half up to the fen, as yuan. */
    public static String perHour(long buyerPaysFen, long hoursTenths) {
        long perHour = (buyerPaysFen * 10 * 2 + hoursTenths) / (2 * hoursTenths);
        return Money.format(perHour);
    }
}
