package org.suanli.voucher.policy;

import static org.suanli.voucher.policy.ReasonCode.SME_BOOST;
import static org.suanli.voucher.policy.ReasonCode.STACK_CAPPED;
import static org.suanli.voucher.policy.ZhinengMode.EXEMPT_MATCHING;
import static org.suanli.voucher.policy.ZhinengMode.SEPARATE_APPLICATION;

import java.util.List;

/**
 * The steps that fix the 算力券 rate of an eligible contract (docs/POLICY.md rules 4, 5 and 6), applied in
 * the order of {@link #inOrder()}; each takes the rate so far and gives the rate after it.
 */
@FunctionalInterface
interface SuanliRateRule {

    Rate apply(Rate soFar, ContractCase c);

    /** Rule 4: the category's rate; for compute it depends on the facility (domestic accelerators earn more). */
    SuanliRateRule baseRate = (soFar, c) ->
            Rate.of(c.suanli().rates().get(c.contract().category()).bpFor(c.facility()));

    /**
     * Rule 5: an SME whose declared contracts of the year, this one included, stay within the ceiling gets
     * the boosted rate. Crossing the line costs the whole contract its boost; earlier contracts keep theirs.
     */
    SuanliRateRule smeBoost = (soFar, c) -> c.suanli().smeBoostTerms()
            .filter(boost -> c.contract().sme() && boost.categories().contains(c.contract().category()))
            .filter(boost -> Math.addExact(c.contract().declaredBeforeFen(), c.contract().amountFen())
                    <= boost.declaredCeilingFen())
            .map(boost -> soFar.changedTo(boost.rateBp(), SME_BOOST))
            .orElse(soFar);

    /**
     * Rule 6, 免审配套: the buyer takes the matching 算力券 rate in exchange for skipping review. It replaces
     * rules 4 and 5 outright, so an SME boost found before is dropped, reason included.
     */
    SuanliRateRule exemptMatching = (soFar, c) -> c.zhinengMode() == EXEMPT_MATCHING
            ? Rate.of(c.zhineng().exemptMatchingSuanliRate().bpFor(c.facility()))
            : soFar;

    /**
     * Rule 6, 另行申请: both vouchers together stop at the stack cap ("叠加补贴比例至60%或30%"); 智能券
     * keeps its rate and the 算力券 rate gives way.
     */
    SuanliRateRule stackCap = (soFar, c) -> {
        if (c.zhinengMode() != SEPARATE_APPLICATION) {
            return soFar;
        }
        int room = Math.max(0, c.zhineng().separateApplicationStackCap().bpFor(c.facility()) - c.zhinengRateBp());
        return soFar.bp() > room ? soFar.changedTo(room, STACK_CAPPED) : soFar;
    };

    static List<SuanliRateRule> inOrder() {
        return List.of(baseRate, smeBoost, exemptMatching, stackCap);
    }

    static Rate rateFor(ContractCase c) {
        Rate rate = Rate.of(0);
        for (SuanliRateRule rule : inOrder()) {
            rate = rule.apply(rate, c);
        }
        return rate;
    }
}
