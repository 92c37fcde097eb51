package org.suanli.voucher.policy;

import java.math.BigDecimal;

/** Test-side conversions from the CSV's and the examples' human figures, exact or refused. */
final class Yuan {

    private Yuan() {
    }

    /** "1234.50" → 123450 fen; more than two decimals or a negative figure is refused. */
    static long fen(String yuan) {
        BigDecimal value = new BigDecimal(yuan.trim());
        if (value.scale() > 2) {
            throw new IllegalArgumentException("'" + yuan + "' has more than two decimals");
        }
        if (value.signum() < 0) {
            throw new IllegalArgumentException("'" + yuan + "' is negative");
        }
        return value.movePointRight(2).longValueExact();
    }

    /** "0.30" → 3000 bp; a rate finer than a basis point is refused. */
    static int bp(String fraction) {
        BigDecimal value = new BigDecimal(fraction.trim());
        if (value.scale() > 4) {
            throw new IllegalArgumentException("'" + fraction + "' is finer than a basis point");
        }
        return value.movePointRight(4).intValueExact();
    }

    /** 123450 → "1234.50", for readable failure messages. */
    static String show(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
