package org.suanli.voucher.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.suanli.voucher.policy.AContract.aContract;
import static org.suanli.voucher.policy.Expected.nothing;
import static org.suanli.voucher.policy.ReasonCode.NO_POLICY;
import static org.suanli.voucher.policy.ReasonCode.PARTNER_NOT_APPROVED;
import static org.suanli.voucher.policy.ReasonCode.RELATED_PARTY;

import org.junit.jupiter.api.Test;

/**
 * "The contract's life": a seller that is not an approved partner, or a related seller, earns the
 * contract no voucher at all. Both programs report rate 0 and 0 computed, under the version in force.
 */
class ContractBarTest {

    private final PolicyEngine engine = SeededPolicies.engine();

    @Test
    void aContractWithAnUnapprovedPartnerEarnsNothingFromEitherProgram() {
        var contract = aContract().bySme().forCompute(FacilityType.DOMESTIC).of("50000.00")
                .asking(ZhinengMode.SEPARATE_APPLICATION).fromUnapprovedPartner();

        assertEquals(nothing("HZ-2025", "50000.00", PARTNER_NOT_APPROVED), engine.decide(contract.request()));
    }

    @Test
    void relatedPartiesEarnNothing() {
        var contract = aContract().forCompute(FacilityType.OTHER).of("50000.00").betweenRelatedParties();

        assertEquals(nothing("HZ-2025", "50000.00", RELATED_PARTY), engine.decide(contract.request()));
    }

    @Test
    void bothBarsAreListed() {
        var contract = aContract().of("50000.00").fromUnapprovedPartner().betweenRelatedParties();

        assertEquals(nothing("HZ-2025", "50000.00", PARTNER_NOT_APPROVED, RELATED_PARTY),
                engine.decide(contract.request()));
    }

    @Test
    void aBarredContractIsNotAlsoJudgedByTheProgramsRules() {
        // a university buying an unfiled model service would be refused on two counts; the bar says it all
        var contract = aContract().by(BuyerType.UNIVERSITY).forModelServiceOnUnfiledModel().of("50000.00")
                .fromUnapprovedPartner();

        assertEquals(nothing("HZ-2025", "50000.00", PARTNER_NOT_APPROVED), engine.decide(contract.request()));
    }

    @Test
    void barsApplyUnderHz2023Too() {
        var contract = aContract().signedOn("2024-03-01").bySme().of("50000.00").betweenRelatedParties();

        assertEquals(nothing("HZ-2023", "50000.00", RELATED_PARTY), engine.decide(contract.request()));
    }

    @Test
    void beforeAnyPolicyNoPolicyIsTheOnlyReason() {
        var contract = aContract().signedOn("2023-01-10").of("50000.00").fromUnapprovedPartner();

        assertEquals(nothing("NONE", "50000.00", NO_POLICY), engine.decide(contract.request()));
    }
}
