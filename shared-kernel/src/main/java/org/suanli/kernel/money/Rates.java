package org.suanli.kernel.money;

import java.math.BigDecimal;

/** Rates are basis points inside; at the JSON edge a fraction with at least two decimals (3000 → "0.30"). */
public final class Rates {

    private Rates() {
    }

    public static String format(int bp) {
        BigDecimal fraction = BigDecimal.valueOf(bp, 4).stripTrailingZeros();
        return fraction.setScale(Math.max(2, fraction.scale())).toPlainString();
    }
}
