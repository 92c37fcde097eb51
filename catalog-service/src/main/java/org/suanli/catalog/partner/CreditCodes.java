package org.suanli.catalog.partner;

/** 统一社会信用代码 (GB 32100-2015): 18 characters from digits and capitals without I, O, S, V, Z. */
public final class CreditCodes {
    /** Same shape voucher-service accepts for buyers, so the two compare like with like. */
    public static final String PATTERN = "[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}";

    private CreditCodes() {
    }

    public static boolean valid(String code) {
        return code != null && code.matches(PATTERN);
    }
}
