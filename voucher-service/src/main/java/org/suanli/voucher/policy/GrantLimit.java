package org.suanli.voucher.policy;

import static org.suanli.voucher.policy.ReasonCode.BUDGET_EXHAUSTED;
import static org.suanli.voucher.policy.ReasonCode.ENTERPRISE_CAP;
import static org.suanli.voucher.policy.ReasonCode.ZHINENG_BUDGET_EXHAUSTED;

import java.util.List;
import java.util.Optional;

/**
 * A ceiling on what may be granted from one program, whatever was computed (docs/POLICY.md rules 7 and 8).
 * Granted = min(computed, every ceiling); each ceiling below the computed figure is listed (rule 9).
 */
@FunctionalInterface
interface GrantLimit {

    /** The ceiling, or empty when this limit does not apply. */
    Optional<Ceiling> on(SubsidyRequest contract, PolicyParameters terms);

    record Ceiling(long fen, ReasonCode reason) {
    }

    /**
     * Rule 7: an enterprise's 算力券 for the year stops at its cap (raised only for a foundation-model
     * enterprise, see {@link PolicyParameters.SuanliTerms#enterpriseCapFor}).
     */
    GrantLimit enterpriseCap = (contract, terms) -> terms.suanli()
            .enterpriseCapFor(contract.foundationModel(), contract.capOverrideFen())
            .map(cap -> new Ceiling(Math.max(0, cap - contract.suanliUsedBeforeFen()), ENTERPRISE_CAP));

    /** Rule 8: 算力券 never exceeds what is left of this year's budget; no figure means plenty is left. */
    GrantLimit suanliBudget = (contract, terms) -> Optional.ofNullable(contract.suanliBudgetRemainingFen())
            .map(left -> new Ceiling(left, BUDGET_EXHAUSTED));

    /** Rule 8, for the 智能券 program's own budget. */
    GrantLimit zhinengBudget = (contract, terms) -> Optional.ofNullable(contract.zhinengBudgetRemainingFen())
            .map(left -> new Ceiling(left, ZHINENG_BUDGET_EXHAUSTED));

    static List<GrantLimit> onSuanli() {
        return List.of(enterpriseCap, suanliBudget);
    }

    static List<GrantLimit> onZhineng() {
        return List.of(zhinengBudget);
    }
}
