package org.suanli.voucher.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.suanli.voucher.policy.AContract.aContract;
import static org.suanli.voucher.policy.Expected.decision;
import static org.suanli.voucher.policy.Expected.nothing;
import static org.suanli.voucher.policy.Expected.suanliOnly;
import static org.suanli.voucher.policy.ReasonCode.CATEGORY_NOT_COVERED;
import static org.suanli.voucher.policy.ReasonCode.INELIGIBLE_BUYER;
import static org.suanli.voucher.policy.ReasonCode.MODEL_NOT_FILED;
import static org.suanli.voucher.policy.ReasonCode.ZHINENG_NOT_APPLICABLE;

import org.junit.jupiter.api.Test;

/** Rules 2, 3 and 6: who may earn which voucher, on what. */
class EligibilityTest {

    private final PolicyEngine engine = SeededPolicies.engine();

    @Test
    void aUniversityEarnsNoSuanliQuanButDoesEarnZhinengQuan() {
        // 免审配套 on OTHER: 算力券 0 (enterprises only); 智能券 10% of 60,000.00 = 6,000.00; pays 54,000.00
        var contract = aContract().by(BuyerType.UNIVERSITY).forCompute(FacilityType.OTHER).of("60000.00")
                .asking(ZhinengMode.EXEMPT_MATCHING);

        assertEquals(decision("HZ-2025", 0, "0.00", "0.00", 1000, "6000.00", "6000.00", "54000.00", INELIGIBLE_BUYER),
                engine.decide(contract.request()));
    }

    @Test
    void everyObstacleToSuanliQuanIsListed() {
        var contract = aContract().by(BuyerType.UNIVERSITY).forModelServiceOnUnfiledModel().of("60000.00");

        assertEquals(nothing("HZ-2025", "60000.00", INELIGIBLE_BUYER, MODEL_NOT_FILED), engine.decide(contract.request()));
    }

    @Test
    void underHz2023ALargerEnterpriseBuyingAModelServiceFailsTwice() {
        var contract = aContract().signedOn("2024-03-01").forModelServiceOnFiledModel().of("60000.00");

        assertEquals(nothing("HZ-2023", "60000.00", CATEGORY_NOT_COVERED, INELIGIBLE_BUYER),
                engine.decide(contract.request()));
    }

    @Test
    void zhinengAskedOnAModelServiceLeavesSuanliQuanAtItsOwnRate() {
        // 智能券 is for compute only; 免审配套 cannot apply, so 算力券 stays at 30% (not 15%):
        // 60,000.00 x 30% = 18,000.00
        var contract = aContract().forModelServiceOnFiledModel().of("60000.00").asking(ZhinengMode.EXEMPT_MATCHING);

        assertEquals(suanliOnly("HZ-2025", 3000, "18000.00", "42000.00", ZHINENG_NOT_APPLICABLE),
                engine.decide(contract.request()));
    }

    @Test
    void zhinengAskedUnderHz2023LeavesTheFlatRate() {
        // no 智能券 in HZ-2023, so no stack cap either: 30% of 60,000.00 = 18,000.00
        var contract = aContract().signedOn("2024-03-01").bySme().forCompute(FacilityType.OTHER).of("60000.00")
                .asking(ZhinengMode.SEPARATE_APPLICATION);

        assertEquals(suanliOnly("HZ-2023", 3000, "18000.00", "42000.00", ZHINENG_NOT_APPLICABLE),
                engine.decide(contract.request()));
    }

    @Test
    void aComputeContractOfUnknownFacilityCannotBeRatedWhereTheRateDependsOnIt() {
        var hz2025 = aContract().forCompute(null).of("60000.00");
        var hz2023 = aContract().signedOn("2024-03-01").bySme().forCompute(null).of("60000.00");

        assertThrows(IllegalArgumentException.class, () -> engine.decide(hz2025.request()));
        // HZ-2023's flat 30% needs no facility: 60,000.00 x 30% = 18,000.00
        assertEquals(suanliOnly("HZ-2023", 3000, "18000.00", "42000.00"), engine.decide(hz2023.request()));
    }
}
