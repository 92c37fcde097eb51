package org.suanli.voucher.policy;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/** A rate in basis points as the rules have shaped it so far, with the reasons of every change. */
record Rate(int bp, Set<ReasonCode> reasons) {

    Rate {
        reasons = reasons.isEmpty() ? Set.of() : Set.copyOf(reasons);
    }

    static Rate of(int bp) {
        return new Rate(bp, Set.of());
    }

    /** Nothing earned, for these reasons. */
    static Rate none(Collection<ReasonCode> reasons) {
        return new Rate(0, Set.copyOf(reasons));
    }

    /** The rate a rule moved it to; a reason is listed only when the rate actually moved (rule 9). */
    Rate changedTo(int newBp, ReasonCode why) {
        if (newBp == bp) {
            return this;
        }
        Set<ReasonCode> more = EnumSet.of(why);
        more.addAll(reasons);
        return new Rate(newBp, more);
    }
}
