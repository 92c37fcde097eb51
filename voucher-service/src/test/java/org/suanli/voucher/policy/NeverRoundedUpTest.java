package org.suanli.voucher.policy;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.suanli.voucher.policy.AContract.aContract;
import static org.suanli.voucher.policy.Expected.decision;
import static org.suanli.voucher.policy.Expected.suanliOnly;
import static org.suanli.voucher.policy.ReasonCode.SME_BOOST;

import org.junit.jupiter.api.Test;

/** floor(amount_fen x rate_bp / 10000): public money is never rounded up, not even by a fen. */
class NeverRoundedUpTest {

    private final PolicyEngine engine = SeededPolicies.engine();

    @Test
    void aFractionOfAFenIsDropped() {
        // 9 fen x 30% = 2.7 fen -> 2 fen; the buyer pays 7 fen
        var contract = aContract().forCompute(FacilityType.DOMESTIC).of("0.09");

        assertEquals(suanliOnly("HZ-2025", 3000, "0.02", "0.07"), engine.decide(contract.request()));
    }

    @Test
    void lessThanAFenIsNothing() {
        // 3 fen: 算力券 15% = 0.45 fen -> 0; 智能券 30% = 0.9 fen -> 0; the buyer pays all 3 fen
        var contract = aContract().forCompute(FacilityType.DOMESTIC).of("0.03").asking(ZhinengMode.EXEMPT_MATCHING);

        assertEquals(decision("HZ-2025", 1500, "0.00", "0.00", 3000, "0.00", "0.00", "0.03"),
                engine.decide(contract.request()));
    }

    @Test
    void halfAFenIsNotRoundedUpEither() {
        // 1 fen x 50% = 0.5 fen -> 0; the boost still set the rate, so it is listed
        var contract = aContract().bySme().forCompute(FacilityType.DOMESTIC).of("0.01");

        assertEquals(suanliOnly("HZ-2025", 5000, "0.00", "0.01", SME_BOOST), engine.decide(contract.request()));
    }

    @Test
    void eachProgramIsFlooredOnItsOwn() {
        // 19 fen on OTHER, 另行申请: 算力券 20% = 3.8 -> 3; 智能券 10% = 1.9 -> 1; the buyer pays 15 fen
        // (flooring the 30% total instead would pay 5 fen and leave 14)
        var contract = aContract().forCompute(FacilityType.OTHER).of("0.19").asking(ZhinengMode.SEPARATE_APPLICATION);

        assertEquals(decision("HZ-2025", 2000, "0.03", "0.03", 1000, "0.01", "0.01", "0.15"),
                engine.decide(contract.request()));
    }

    @Test
    void anAmountTooLargeToMultiplyIsRefusedNotWrapped() {
        // (Long.MAX_VALUE / 2000) fen x 3000 bp passes the range of long
        var request = aContract().forCompute(FacilityType.DOMESTIC).request();
        var huge = new SubsidyRequest(request.contractDate(), request.buyerType(), false, false, null,
                request.category(), request.facilityType(), false, Long.MAX_VALUE / 2000, 0, 0, null,
                ZhinengMode.NONE, null, true, false);

        assertThrows(ArithmeticException.class, () -> engine.decide(huge));
    }

    @Test
    void largeAmountsStayExactToTheFen() {
        // under HZ-2023 (no enterprise cap), an SME's 9,999,999,999.99 yuan = 999,999,999,999 fen
        // x 30% = 299,999,999,999.7 -> 299,999,999,999 fen; the buyer pays 700,000,000,000 fen
        var contract = aContract().signedOn("2024-03-01").bySme().forCompute(FacilityType.DOMESTIC).of("9999999999.99");
        SubsidyDecision decision = engine.decide(contract.request());

        assertAll(
                () -> assertEquals(299_999_999_999L, decision.suanliGrantedFen()),
                () -> assertEquals(700_000_000_000L, decision.buyerPaysFen()));
    }
}
