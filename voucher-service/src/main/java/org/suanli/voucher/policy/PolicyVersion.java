package org.suanli.voucher.policy;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One municipal policy as the engine applies it: in force for contracts dated on or after
 * {@code effectiveFrom} until a later version takes over (a later version repeals the earlier one).
 *
 * @param code          e.g. "HZ-2025"; {@value PolicyEngine#NO_POLICY_CODE} is reserved for "no policy"
 * @param effectiveFrom the first contract date the version governs
 * @param parameters    its figures
 */
public record PolicyVersion(String code, LocalDate effectiveFrom, PolicyParameters parameters) {

    public PolicyVersion {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("a policy version needs a code");
        }
        if (PolicyEngine.NO_POLICY_CODE.equals(code)) {
            throw new IllegalArgumentException("'" + code + "' is reserved for contracts under no policy");
        }
        Objects.requireNonNull(effectiveFrom, "effectiveFrom is required");
        Objects.requireNonNull(parameters, "parameters are required");
    }
}
