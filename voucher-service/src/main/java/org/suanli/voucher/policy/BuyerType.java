package org.suanli.voucher.policy;

/** Who buys: HZ-2025 opens 算力券 to enterprises only, 智能券 to all three. */
public enum BuyerType {
    ENTERPRISE,
    UNIVERSITY,
    RESEARCH_INSTITUTE
}
