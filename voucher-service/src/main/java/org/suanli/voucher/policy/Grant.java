package org.suanli.voucher.policy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.suanli.kernel.money.Money;

/** One program's figures on one contract: computed at the rate, then granted within every ceiling. */
record Grant(long computedFen, long grantedFen, Set<ReasonCode> reasons) {

    static Grant of(long amountFen, int rateBp, List<GrantLimit> limits, SubsidyRequest contract, PolicyParameters terms) {
        // floor(amount × rate / 10000): public money is never rounded up.
        long computed = Money.applyRate(amountFen, rateBp);
        long granted = computed;
        Set<ReasonCode> reasons = EnumSet.noneOf(ReasonCode.class);
        for (GrantLimit limit : limits) {
            for (GrantLimit.Ceiling ceiling : limit.on(contract, terms).stream().toList()) {
                // Every ceiling below the computed figure is a reason, even when a lower one also binds.
                if (ceiling.fen() < computed) {
                    reasons.add(ceiling.reason());
                    granted = Math.min(granted, ceiling.fen());
                }
            }
        }
        return new Grant(computed, granted, reasons);
    }
}
