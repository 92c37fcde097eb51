package org.suanli.kernel.money;

import java.util.regex.Pattern;

/**
 * Money is integer fen everywhere inside the system; at the JSON edge it is a yuan string with at
 * most two decimals ("1234.50"). Parsing is strict so that a malformed amount is refused, never guessed.
 */
public final class Money {

    /** 10^13 fen = 100 billion yuan: far beyond any contract or budget, small enough to multiply by a rate safely. */
    public static final long MAX_FEN = 10_000_000_000_000L;

    private static final Pattern YUAN = Pattern.compile("(0|[1-9]\\d{0,11})(\\.\\d{1,2})?");
    /** The same shape with any number of digits: well-formed, but perhaps too large. */
    private static final Pattern ANY_SIZE_YUAN = Pattern.compile("[1-9]\\d*(\\.\\d{1,2})?");

    private Money() {
    }

    /** "1234.5" → 123450. Throws {@link IllegalArgumentException} with a message a person can act on. */
    public static long parseYuan(String yuan) {
        return parseYuan("amount", yuan);
    }

    /** Like {@link #parseYuan(String)}, naming the field (its JSON path) in the message. */
    public static long parseYuan(String field, String yuan) {
        if (yuan == null || yuan.isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        String s = yuan.trim();
        if (!YUAN.matcher(s).matches() && ANY_SIZE_YUAN.matcher(s).matches()) {
            throw new IllegalArgumentException(field + " '" + yuan + "' is beyond any plausible contract (at most "
                    + format(MAX_FEN) + " CNY)");
        }
        if (!YUAN.matcher(s).matches()) {
            throw new IllegalArgumentException(field + " '" + yuan
                    + "' must be a non-negative yuan figure with at most two decimals, e.g. \"1234.50\"");
        }
        int dot = s.indexOf('.');
        String whole = dot < 0 ? s : s.substring(0, dot);
        String frac = dot < 0 ? "" : s.substring(dot + 1);
        long fen = Long.parseLong(whole) * 100 + (frac.isEmpty() ? 0 : Long.parseLong(frac.length() == 1 ? frac + "0" : frac));
        if (fen > MAX_FEN) {
            throw new IllegalArgumentException(field + " '" + yuan + "' is beyond any plausible contract (at most "
                    + format(MAX_FEN) + " CNY)");
        }
        return fen;
    }

    /** Like {@link #parseYuan} but zero is refused too: for prices, budgets and amounts that must be positive. */
    public static long parsePositiveYuan(String yuan) {
        return parsePositiveYuan("amount", yuan);
    }

    public static long parsePositiveYuan(String field, String yuan) {
        long fen = parseYuan(field, yuan);
        if (fen == 0) {
            throw new IllegalArgumentException(field + " must be greater than zero");
        }
        return fen;
    }

    /** 123450 → "1234.50"; negative figures (corrections) keep their sign. */
    public static String format(long fen) {
        String sign = fen < 0 ? "-" : "";
        long abs = Math.abs(fen);
        long cents = abs % 100;
        return sign + (abs / 100) + "." + (cents < 10 ? "0" : "") + cents;
    }

    /** floor(amount × rate / 10000): public money is never rounded up. */
    public static long applyRate(long amountFen, int rateBp) {
        return Math.floorDiv(Math.multiplyExact(amountFen, (long) rateBp), 10_000L);
    }
}
