package org.suanli.voucher.buyer;

/** 统一社会信用代码 (GB 32100-2015): 18 characters from digits and capitals without I, O, S, V, Z. */
public final class CreditCodes {
    public static final String PATTERN = "[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}";

    private CreditCodes() {
    }
}
