package org.suanli.voucher.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.suanli.voucher.policy.AContract.aContract;
import static org.suanli.voucher.policy.Expected.decision;
import static org.suanli.voucher.policy.Expected.nothing;
import static org.suanli.voucher.policy.ReasonCode.BUDGET_EXHAUSTED;
import static org.suanli.voucher.policy.ReasonCode.ENTERPRISE_CAP;
import static org.suanli.voucher.policy.ReasonCode.INELIGIBLE_BUYER;
import static org.suanli.voucher.policy.ReasonCode.ZHINENG_BUDGET_EXHAUSTED;

import org.junit.jupiter.api.Test;

/**
 * Rules 7 to 9: granted = min(computed, what is left of the enterprise cap, what is left of the budget),
 * every ceiling below the computed figure listed. Unless said otherwise a larger enterprise buys
 * 1,000,000.00 of DOMESTIC compute: computed 30% = 300,000.00.
 */
class GrantLimitsTest {

    private final PolicyEngine engine = SeededPolicies.engine();

    private static AContract aMillionOfDomesticCompute() {
        return aContract().forCompute(FacilityType.DOMESTIC).of("1000000.00");
    }

    @Test
    void theCapStopsAnEnterprisesYear() {
        // 8,000,000.00 - 7,900,000.00 used = 100,000.00 left < 300,000.00 -> granted 100,000.00, pays 900,000.00
        var contract = aMillionOfDomesticCompute().afterUsing("7900000.00");

        assertEquals(decision("HZ-2025", 3000, "300000.00", "100000.00", 0, "0.00", "0.00", "900000.00",
                ENTERPRISE_CAP), engine.decide(contract.request()));
    }

    @Test
    void aCapMetExactlyDoesNotBind() {
        // 8,000,000.00 - 7,700,000.00 = 300,000.00 left = computed -> granted in full, no reason
        var contract = aMillionOfDomesticCompute().afterUsing("7700000.00");

        assertEquals(decision("HZ-2025", 3000, "300000.00", "300000.00", 0, "0.00", "0.00", "700000.00"),
                engine.decide(contract.request()));
    }

    @Test
    void theBureauMayRaiseAFoundationModelEnterprisesCap() {
        // cap 12,000,000.00 - 7,900,000.00 = 4,100,000.00 left -> 300,000.00 in full
        var contract = aMillionOfDomesticCompute().byFoundationModelEnterprise().withCapOverride("12000000.00")
                .afterUsing("7900000.00");

        assertEquals(decision("HZ-2025", 3000, "300000.00", "300000.00", 0, "0.00", "0.00", "700000.00"),
                engine.decide(contract.request()));
    }

    @Test
    void anOverrideCanOnlyRaiseTheCapNeverLowerIt() {
        // "放宽": an override of 5,000,000.00 below the policy's 8,000,000.00 leaves the policy's cap
        // 8,000,000.00 - 6,000,000.00 used = 2,000,000.00 left -> 300,000.00 in full
        var contract = aMillionOfDomesticCompute().byFoundationModelEnterprise().withCapOverride("5000000.00")
                .afterUsing("6000000.00");

        assertEquals(decision("HZ-2025", 3000, "300000.00", "300000.00", 0, "0.00", "0.00", "700000.00"),
                engine.decide(contract.request()));
    }

    @Test
    void underHz2023AnOverrideCreatesNoCap() {
        // HZ-2023 has no per-enterprise cap at all: an override recorded for later years does not invent one
        var contract = aContract().signedOn("2024-03-01").bySme().forCompute(FacilityType.OTHER).of("1000000.00")
                .byFoundationModelEnterprise().withCapOverride("9000000.00").afterUsing("9000000.00");

        assertEquals(decision("HZ-2023", 3000, "300000.00", "300000.00", 0, "0.00", "0.00", "700000.00"),
                engine.decide(contract.request()));
    }

    @Test
    void anOverrideRecordedOnAnyOtherEnterpriseIsNotHonoured() {
        // not a foundation-model enterprise: the policy's 8,000,000.00 applies -> 100,000.00 left
        var contract = aMillionOfDomesticCompute().withCapOverride("12000000.00").afterUsing("7900000.00");

        assertEquals(decision("HZ-2025", 3000, "300000.00", "100000.00", 0, "0.00", "0.00", "900000.00",
                ENTERPRISE_CAP), engine.decide(contract.request()));
    }

    @Test
    void whenTheBudgetIsTighterThanTheCapBothAreListedAndTheBudgetWins() {
        // cap leaves 100,000.00, budget leaves 40,000.00 -> granted 40,000.00, pays 960,000.00
        var contract = aMillionOfDomesticCompute().afterUsing("7900000.00").withSuanliBudgetLeft("40000.00");

        assertEquals(decision("HZ-2025", 3000, "300000.00", "40000.00", 0, "0.00", "0.00", "960000.00",
                BUDGET_EXHAUSTED, ENTERPRISE_CAP), engine.decide(contract.request()));
    }

    @Test
    void whenTheCapIsTighterThanTheBudgetBothAreListedAndTheCapWins() {
        // cap leaves 100,000.00, budget leaves 250,000.00 (also below 300,000.00) -> granted 100,000.00
        var contract = aMillionOfDomesticCompute().afterUsing("7900000.00").withSuanliBudgetLeft("250000.00");

        assertEquals(decision("HZ-2025", 3000, "300000.00", "100000.00", 0, "0.00", "0.00", "900000.00",
                BUDGET_EXHAUSTED, ENTERPRISE_CAP), engine.decide(contract.request()));
    }

    @Test
    void theZhinengBudgetLimitsOnlyZhineng() {
        // 另行申请: 30% + 30%; 智能券 budget leaves 1,000.00 -> 智能券 1,000.00, 算力券 untouched
        // buyer pays 1,000,000.00 - 300,000.00 - 1,000.00 = 699,000.00
        var contract = aMillionOfDomesticCompute().asking(ZhinengMode.SEPARATE_APPLICATION)
                .withZhinengBudgetLeft("1000.00");

        assertEquals(decision("HZ-2025", 3000, "300000.00", "300000.00", 3000, "300000.00", "1000.00", "699000.00",
                ZHINENG_BUDGET_EXHAUSTED), engine.decide(contract.request()));
    }

    @Test
    void usageBeyondTheCapGrantsNothingRatherThanANegative() {
        // 9,000,000.00 used > 8,000,000.00 cap -> 0 left, never -1,000,000.00
        var contract = aMillionOfDomesticCompute().afterUsing("9000000.00");

        assertEquals(decision("HZ-2025", 3000, "300000.00", "0.00", 0, "0.00", "0.00", "1000000.00",
                ENTERPRISE_CAP), engine.decide(contract.request()));
    }

    @Test
    void hz2023HadNoPerEnterpriseCap() {
        // an SME that already used 60,000,000.00 still gets 30% of 1,000,000.00 = 300,000.00
        var contract = aMillionOfDomesticCompute().signedOn("2024-03-01").bySme().afterUsing("60000000.00");

        assertEquals(decision("HZ-2023", 3000, "300000.00", "300000.00", 0, "0.00", "0.00", "700000.00"),
                engine.decide(contract.request()));
    }

    @Test
    void anEmptyBudgetIsNoReasonWhenNothingWasComputed() {
        // a university computes no 算力券, so an empty budget changes nothing
        var contract = aMillionOfDomesticCompute().by(BuyerType.UNIVERSITY).withSuanliBudgetLeft("0.00");

        assertEquals(nothing("HZ-2025", "1000000.00", INELIGIBLE_BUYER), engine.decide(contract.request()));
    }
}
