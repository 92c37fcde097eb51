package org.suanli.kernel.units;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from digits and capitals without I, O, S, V, Z. Buyers and
 * partners are checked against the same shape, so a related-party comparison compares like with like.
 */
public final class CreditCodes {

    public static final String PATTERN = "[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}";
    public static final String MESSAGE = "must be an 18-character unified social credit code";

    private CreditCodes() {
    }

    public static boolean valid(String code) {
        return code != null && code.matches(PATTERN);
    }
}
