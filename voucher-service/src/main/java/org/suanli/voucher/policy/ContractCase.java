package org.suanli.voucher.policy;

import org.suanli.voucher.policy.PolicyParameters.SuanliTerms;
import org.suanli.voucher.policy.PolicyParameters.ZhinengTerms;

/**
 * A contract under the version in force, as the rate rules see it.
 *
 * @param zhinengMode   the mode that takes effect: NONE when 智能券 was not asked or does not apply
 * @param zhinengRateBp the 智能券 rate earned, 0 when the mode is NONE
 */
record ContractCase(SubsidyRequest contract, PolicyParameters terms, ZhinengMode zhinengMode, int zhinengRateBp) {

    SuanliTerms suanli() {
        return terms.suanli();
    }

    /** Only asked for when a 智能券 mode is in effect, which implies the version runs 智能券. */
    ZhinengTerms zhineng() {
        return terms.zhinengProgram().orElseThrow(() -> new IllegalStateException("no 智能券 in " + terms));
    }

    FacilityType facility() {
        return contract.facilityType();
    }
}
