package org.suanli.voucher.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.suanli.voucher.policy.AContract.aContract;

import org.junit.jupiter.api.Test;

/**
 * Redeem: the locked rates on the delivered amount, never above the hold; the rest of the hold goes
 * back. Unless said otherwise the hold is on 100,000.00 of DOMESTIC compute, 另行申请, a larger
 * enterprise: 30% + 30% -> 30,000.00 held in each program.
 */
class RedemptionTest {

    private final PolicyEngine engine = SeededPolicies.engine();

    private SubsidyDecision heldOnAHundredThousand() {
        return engine.decide(aContract().forCompute(FacilityType.DOMESTIC).of("100000.00")
                .asking(ZhinengMode.SEPARATE_APPLICATION).request());
    }

    @Test
    void lessDeliveredIsLessPaidAndTheRestGoesBack() {
        // 80,000.00 x 30% = 24,000.00 each; 6,000.00 of each hold released; buyer pays 80,000 - 48,000 = 32,000.00
        var redemption = heldOnAHundredThousand().redeemOn(Yuan.fen("80000.00"));

        assertEquals(new Redemption("HZ-2025", Yuan.fen("80000.00"),
                3000, Yuan.fen("24000.00"), Yuan.fen("24000.00"), Yuan.fen("6000.00"),
                3000, Yuan.fen("24000.00"), Yuan.fen("24000.00"), Yuan.fen("6000.00"),
                Yuan.fen("32000.00")), redemption);
    }

    @Test
    void moreDeliveredThanOrderedStopsAtTheHold() {
        // 120,000.00 x 30% = 36,000.00 computed, but 30,000.00 was held; buyer pays 120,000 - 60,000 = 60,000.00
        var redemption = heldOnAHundredThousand().redeemOn(Yuan.fen("120000.00"));

        assertEquals(new Redemption("HZ-2025", Yuan.fen("120000.00"),
                3000, Yuan.fen("36000.00"), Yuan.fen("30000.00"), 0,
                3000, Yuan.fen("36000.00"), Yuan.fen("30000.00"), 0,
                Yuan.fen("60000.00")), redemption);
    }

    @Test
    void aHoldCutByTheCapStaysCut() {
        // 7,990,000.00 used: 10,000.00 left of the cap -> 10,000.00 held of 30,000.00 computed
        // delivered 50,000.00 x 30% = 15,000.00 -> redeemed 10,000.00, nothing to release; pays 40,000.00
        var held = engine.decide(aContract().forCompute(FacilityType.DOMESTIC).of("100000.00")
                .afterUsing("7990000.00").request());
        var redemption = held.redeemOn(Yuan.fen("50000.00"));

        assertEquals(Yuan.fen("10000.00"), held.suanliGrantedFen());
        assertEquals(new Redemption("HZ-2025", Yuan.fen("50000.00"),
                3000, Yuan.fen("15000.00"), Yuan.fen("10000.00"), 0,
                0, 0, 0, 0,
                Yuan.fen("40000.00")), redemption);
    }

    @Test
    void theRateLockedAtHoldIsTheRateRedeemed() {
        // an SME's hold on 100,000.00 was boosted to 50% (50,000.00 held); delivered 90,000.00 x 50% = 45,000.00
        var held = engine.decide(aContract().bySme().forCompute(FacilityType.DOMESTIC).of("100000.00").request());
        var redemption = held.redeemOn(Yuan.fen("90000.00"));

        assertEquals(new Redemption("HZ-2025", Yuan.fen("90000.00"),
                5000, Yuan.fen("45000.00"), Yuan.fen("45000.00"), Yuan.fen("5000.00"),
                0, 0, 0, 0,
                Yuan.fen("45000.00")), redemption);
    }

    @Test
    void redemptionFloorsToo() {
        // delivered 7 fen x 30% = 2.1 -> 2 fen each; 3,000,000 - 2 = 2,999,998 fen released each; pays 3 fen
        var redemption = heldOnAHundredThousand().redeemOn(7);

        assertEquals(new Redemption("HZ-2025", 7,
                3000, 2, 2, 2_999_998,
                3000, 2, 2, 2_999_998,
                3), redemption);
    }

    @Test
    void nothingDeliveredReleasesTheWholeHold() {
        var redemption = heldOnAHundredThousand().redeemOn(0);

        assertEquals(Yuan.fen("30000.00"), redemption.suanliReleasedFen());
        assertEquals(Yuan.fen("30000.00"), redemption.zhinengReleasedFen());
        assertEquals(0, redemption.buyerPaysFen());
    }

    @Test
    void aNegativeDeliveryIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> heldOnAHundredThousand().redeemOn(-1));
    }
}
