package org.suanli.voucher.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.suanli.voucher.policy.AContract.aContract;
import static org.suanli.voucher.policy.Expected.decision;
import static org.suanli.voucher.policy.ReasonCode.INELIGIBLE_BUYER;
import static org.suanli.voucher.policy.ReasonCode.SME_BOOST;
import static org.suanli.voucher.policy.ReasonCode.STACK_CAPPED;

import org.junit.jupiter.api.Test;

/** Rule 6, 另行申请: 算力券 + 智能券 stop at 60% (DOMESTIC) or 30% (OTHER); the 算力券 rate gives way. */
class StackCapTest {

    private final PolicyEngine engine = SeededPolicies.engine();

    @Test
    void anSmeStackingOnDomesticComputeIsCutToSixtyPercentInAll() {
        // SME 50% + 智能券 30% = 80% > 60% -> 算力券 cut to 30%
        // 40,000.00 x 30% = 12,000.00 each; the buyer pays 40,000.00 - 24,000.00 = 16,000.00
        var contract = aContract().bySme().forCompute(FacilityType.DOMESTIC).of("40000.00")
                .asking(ZhinengMode.SEPARATE_APPLICATION);

        assertEquals(decision("HZ-2025", 3000, "12000.00", "12000.00", 3000, "12000.00", "12000.00", "16000.00",
                SME_BOOST, STACK_CAPPED), engine.decide(contract.request()));
    }

    @Test
    void stackingThatReachesTheCapExactlyIsNotCut() {
        // 30% + 30% = 60%: at the cap, not past it -> no STACK_CAPPED
        var contract = aContract().forCompute(FacilityType.DOMESTIC).of("40000.00")
                .asking(ZhinengMode.SEPARATE_APPLICATION);

        assertEquals(decision("HZ-2025", 3000, "12000.00", "12000.00", 3000, "12000.00", "12000.00", "16000.00"),
                engine.decide(contract.request()));
    }

    @Test
    void onOtherFacilitiesTheTwoStopAtThirtyPercent() {
        // SME 50% + 智能券 10% = 60% > 30% -> 算力券 20%
        // 1,234,567 fen x 20% = 246,913.4 -> 246,913 fen = 2,469.13
        // 1,234,567 fen x 10% = 123,456.7 -> 123,456 fen = 1,234.56
        // buyer pays 1,234,567 - 246,913 - 123,456 = 864,198 fen = 8,641.98
        var contract = aContract().bySme().forCompute(FacilityType.OTHER).of("12345.67")
                .asking(ZhinengMode.SEPARATE_APPLICATION);

        assertEquals(decision("HZ-2025", 2000, "2469.13", "2469.13", 1000, "1234.56", "1234.56", "8641.98",
                SME_BOOST, STACK_CAPPED), engine.decide(contract.request()));
    }

    @Test
    void thereIsNothingToCutWhenTheBuyerEarnsNoSuanliQuan() {
        // a research institute earns no 算力券; 智能券 30% of 40,000.00 = 12,000.00; buyer pays 28,000.00
        var contract = aContract().by(BuyerType.RESEARCH_INSTITUTE).forCompute(FacilityType.DOMESTIC).of("40000.00")
                .asking(ZhinengMode.SEPARATE_APPLICATION);

        assertEquals(decision("HZ-2025", 0, "0.00", "0.00", 3000, "12000.00", "12000.00", "28000.00",
                INELIGIBLE_BUYER), engine.decide(contract.request()));
    }

    @Test
    void exemptMatchingIsNotStackCapped() {
        // 免审配套 on OTHER: 10% + 10% = 20%, its own fixed pair; no boost, no cap
        // 40,000.00 x 10% = 4,000.00 each; buyer pays 32,000.00
        var contract = aContract().bySme().forCompute(FacilityType.OTHER).of("40000.00")
                .asking(ZhinengMode.EXEMPT_MATCHING);

        assertEquals(decision("HZ-2025", 1000, "4000.00", "4000.00", 1000, "4000.00", "4000.00", "32000.00"),
                engine.decide(contract.request()));
    }
}
