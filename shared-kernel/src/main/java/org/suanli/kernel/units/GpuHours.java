package org.suanli.kernel.units;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * GPU-hours: a decimal with at most one decimal place at the JSON edge ("12.5"), {@code long} tenths
 * inside. What a person types is parsed strictly; a figure another service reports, tolerantly.
 */
public final class GpuHours {

    /** Up to a billion GPU-hours: beyond any offering or order, small enough to multiply by a price. */
    private static final Pattern STRICT = Pattern.compile("(0|[1-9]\\d{0,8})(\\.\\d)?");
    /** The same shape with any number of digits: well-formed, but perhaps too large. */
    private static final Pattern ANY_SIZE = Pattern.compile("[1-9]\\d*(\\.\\d)?");

    private GpuHours() {
    }

    /** "12.5" → 125; zero allowed. Throws {@link IllegalArgumentException} (→ 400) on anything else. */
    public static long parse(String hours) {
        return parse("GPU-hours", hours);
    }

    /** Like {@link #parse(String)}, naming the field in the message. */
    public static long parse(String field, String hours) {
        if (hours == null || hours.isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        String s = hours.trim();
        if (!STRICT.matcher(s).matches() && ANY_SIZE.matcher(s).matches()) {
            throw new IllegalArgumentException(field + " '" + hours + "' is beyond any plausible order (at most 999999999.9)");
        }
        if (!STRICT.matcher(s).matches()) {
            throw new IllegalArgumentException(field + " '" + hours
                    + "' must be a number of GPU-hours with at most one decimal place, e.g. \"12.5\"");
        }
        return new BigDecimal(s).movePointRight(1).longValueExact();
    }

    public static long parsePositive(String hours) {
        return parsePositive("GPU-hours", hours);
    }

    /** "12.5" → 125; zero is refused too. */
    public static long parsePositive(String field, String hours) {
        long tenths = parse(field, hours);
        if (tenths == 0) {
            throw new IllegalArgumentException(field + " must be greater than zero");
        }
        return tenths;
    }

    /** A neighbour's decimal figure ("100", "99.95") in whole tenths, rounded down; null if unreadable. */
    public static Long parseLenient(String hours) {
        if (hours == null || hours.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(hours.trim()).movePointRight(1).setScale(0, RoundingMode.FLOOR).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    /** 125 → "12.5", 120 → "12.0". */
    public static String format(long tenths) {
        return BigDecimal.valueOf(tenths, 1).toPlainString();
    }

    /** floor(unit price × tenths / 10): what {@code tenths} GPU-hours cost at a price per GPU-hour, never rounded up. */
    public static long amountFen(long unitPriceFen, long tenths) {
        return Math.floorDiv(Math.multiplyExact(unitPriceFen, tenths), 10L);
    }
}
