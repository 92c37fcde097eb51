package org.suanli.voucher.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.suanli.voucher.policy.AContract.aContract;
import static org.suanli.voucher.policy.Expected.decision;
import static org.suanli.voucher.policy.Expected.suanliOnly;
import static org.suanli.voucher.policy.ReasonCode.SME_BOOST;

import org.junit.jupiter.api.Test;

/** Rule 5: SMEs with at most 500,000 CNY of compute contracts a year, this one included, get 50%. */
class SmeBoostTest {

    private final PolicyEngine engine = SeededPolicies.engine();

    @Test
    void anSmeWellWithinTheLineGetsHalfInsteadOfTheBaseRate() {
        // 120,000.00 declared + 80,000.00 = 200,000.00 <= 500,000.00 -> 50% (not OTHER's 20%)
        // 80,000.00 x 50% = 40,000.00; the buyer pays 40,000.00
        var contract = aContract().bySme().forCompute(FacilityType.OTHER).afterDeclaring("120000.00").of("80000.00");

        assertEquals(suanliOnly("HZ-2025", 5000, "40000.00", "40000.00", SME_BOOST), engine.decide(contract.request()));
    }

    @Test
    void aContractEndingExactlyOnTheLineIsStillWithinIt() {
        // 420,000.00 + 80,000.00 = 500,000.00: "50万元(含)以下" includes the line -> 50% = 40,000.00
        var contract = aContract().bySme().forCompute(FacilityType.OTHER).afterDeclaring("420000.00").of("80000.00");

        assertEquals(suanliOnly("HZ-2025", 5000, "40000.00", "40000.00", SME_BOOST), engine.decide(contract.request()));
    }

    @Test
    void oneFenOverTheLineCostsTheWholeContractItsBoost() {
        // 420,000.01 + 80,000.00 = 500,000.01 > 500,000.00 -> OTHER base 20% on all of it:
        // 80,000.00 x 20% = 16,000.00, not 50% on the part below the line
        var contract = aContract().bySme().forCompute(FacilityType.OTHER).afterDeclaring("420000.01").of("80000.00");

        assertEquals(suanliOnly("HZ-2025", 2000, "16000.00", "64000.00"), engine.decide(contract.request()));
    }

    @Test
    void aLargerEnterpriseGetsTheBaseRateHoweverLittleItDeclared() {
        // not an SME: OTHER 20%, 80,000.00 x 20% = 16,000.00
        var contract = aContract().forCompute(FacilityType.OTHER).afterDeclaring("120000.00").of("80000.00");

        assertEquals(suanliOnly("HZ-2025", 2000, "16000.00", "64000.00"), engine.decide(contract.request()));
    }

    @Test
    void modelServicesAreNotBoosted() {
        // the boost is for 智算合同 (compute); a model service stays at 30%: 80,000.00 x 30% = 24,000.00
        var contract = aContract().bySme().forModelServiceOnFiledModel().of("80000.00");

        assertEquals(suanliOnly("HZ-2025", 3000, "24000.00", "56000.00"), engine.decide(contract.request()));
    }

    @Test
    void exemptMatchingReplacesTheBoostAndItsReason() {
        // 免审配套 on DOMESTIC: 算力券 15% = 12,000.00, 智能券 30% = 24,000.00; 80,000.00 - 36,000.00 = 44,000.00
        var contract = aContract().bySme().forCompute(FacilityType.DOMESTIC).of("80000.00")
                .asking(ZhinengMode.EXEMPT_MATCHING);

        assertEquals(decision("HZ-2025", 1500, "12000.00", "12000.00", 3000, "24000.00", "24000.00", "44000.00"),
                engine.decide(contract.request()));
    }

    @Test
    void hz2023KnewNoBoost() {
        // HZ-2023 pays SMEs a flat 30%: 80,000.00 x 30% = 24,000.00
        var contract = aContract().signedOn("2024-03-01").bySme().forCompute(FacilityType.DOMESTIC).of("80000.00");

        assertEquals(suanliOnly("HZ-2023", 3000, "24000.00", "56000.00"), engine.decide(contract.request()));
    }
}
