package org.suanli.voucher.budget;

/** The two voucher programs, each with its own yearly budget. */
public enum Program {
    /** 算力券 */
    SUANLI,
    /** 智能券 */
    ZHINENG
}
