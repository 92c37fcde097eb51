package org.suanli.order.order;

/** How the buyer asks for 智能券 on this contract (POLICY.md rule 6); voucher-service decides on it. */
public enum ZhinengMode {
    NONE, EXEMPT_MATCHING, SEPARATE_APPLICATION
}
