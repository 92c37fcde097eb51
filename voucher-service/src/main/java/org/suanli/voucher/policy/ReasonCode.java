package org.suanli.voucher.policy;

import java.util.Comparator;

/**
 * Why a decision differs from "full rate, granted in full". Reasons are reported sorted by name,
 * not by declaration order, so adding a code here never reorders what is stored or shown.
 */
public enum ReasonCode {
    NO_POLICY,
    INELIGIBLE_BUYER,
    CATEGORY_NOT_COVERED,
    MODEL_NOT_FILED,
    SME_BOOST,
    ZHINENG_NOT_APPLICABLE,
    STACK_CAPPED,
    ENTERPRISE_CAP,
    BUDGET_EXHAUSTED,
    ZHINENG_BUDGET_EXHAUSTED,
    PARTNER_NOT_APPROVED,
    RELATED_PARTY,
    SIGNED_BEFORE_PROGRAM_START,
    TERM_TOO_LONG,
    ALREADY_CLAIMED;

    /** The order reasons are listed in everywhere: alphabetical by name. */
    public static final Comparator<ReasonCode> BY_NAME = Comparator.comparing(ReasonCode::name);
}
