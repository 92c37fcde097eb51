package org.suanli.voucher.policy;

/** How a buyer combines 智能券 with 算力券 on one contract (docs/POLICY.md rule 6). */
public enum ZhinengMode {
    /** No 智能券 asked for. */
    NONE,
    /** 免审配套: 智能券 with a reduced, matching 算力券 rate. */
    EXEMPT_MATCHING,
    /** 另行申请: 算力券 at its own rate, the two together capped. */
    SEPARATE_APPLICATION
}
