package org.suanli.voucher.policy;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.suanli.voucher.policy.PolicyParameters.RateTable;

/** Parameters are data an admin writes; a slip must be refused at load, never read as "unlimited". */
class PolicyParametersJsonTest {

    private final String hz2025 = SeededPolicies.parametersJson("HZ-2025");

    @Test
    void theSeededParametersReadAsPublished() {
        PolicyParameters p = PolicyParametersJson.read(hz2025);

        assertAll(
                () -> assertEquals(800_000_000L, p.suanli().enterpriseCapFen()),     // 8,000,000 CNY
                () -> assertEquals(25_000_000_000L, p.suanli().annualBudgetFen()),   // 250,000,000 CNY
                () -> assertEquals(50_000_000L, p.suanli().smeBoost().declaredCeilingFen()), // 500,000 CNY
                () -> assertEquals(2000, p.suanli().rates().get(Category.COMPUTE).bpFor(FacilityType.OTHER)),
                () -> assertEquals(6000, p.zhineng().separateApplicationStackCap().bpFor(FacilityType.DOMESTIC)),
                () -> assertEquals(null, PolicyParametersJson.read(SeededPolicies.parametersJson("HZ-2023")).zhineng()));
    }

    @Test
    void hangzhousVersionsWrittenBeforeContractTermsExistedAskNothingOfTheContract() {
        // V2's JSON has neither "contract" nor "capRaisableForFoundationModels": they read as the rules were then
        PolicyParameters p = PolicyParametersJson.read(hz2025);

        assertAll(
                () -> assertEquals(null, p.contract()),
                () -> assertEquals(null, p.contractTerms().programStart()),
                () -> assertTrue(p.suanli().capRaisableForFoundationModels()));
    }

    @Test
    void qingshansContractTermsReadAsSeeded() {
        PolicyParameters p = PolicyParametersJson.read(SeededPolicies.parametersJson("QS-2026"));

        assertAll(
                () -> assertEquals(java.time.LocalDate.of(2026, 3, 1), p.contractTerms().programStart()),
                () -> assertEquals(12, p.contractTerms().longestTermMonths()),
                () -> assertTrue(p.contractTerms().oneClaimPerContract()),
                () -> assertEquals(200_000_000L, p.suanli().enterpriseCapFen()),   // 2,000,000 CNY
                () -> assertEquals(false, p.suanli().capRaisableForFoundationModels()),
                () -> assertEquals(p, PolicyParametersJson.read(PolicyParametersJson.write(p))));
    }

    @Test
    void aMisspeltContractTermIsRefused() {
        assertRefused(SeededPolicies.parametersJson("QS-2026").replace("\"longestTermMonths\"", "\"longestTermMonth\""));
    }

    @Test
    void aTermOfNoMonthsIsRefused() {
        assertRefused(SeededPolicies.parametersJson("QS-2026").replace("\"longestTermMonths\": 12", "\"longestTermMonths\": 0"));
    }

    @Test
    void parametersSurviveARoundTrip() {
        PolicyParameters p = PolicyParametersJson.read(hz2025);

        assertEquals(p, PolicyParametersJson.read(PolicyParametersJson.write(p)));
    }

    @Test
    void aMisspeltKeyIsRefused() {
        assertRefused(hz2025.replace("\"enterpriseCapFen\"", "\"enterpriseCapFee\""));
    }

    @Test
    void aForgottenCapIsRefusedRatherThanReadAsNoCap() {
        String withoutCap = hz2025.replaceFirst(",\\s*\"enterpriseCapFen\":\\s*\\d+", "");
        assertTrue(!withoutCap.equals(hz2025), "the test must really remove the cap");

        assertRefused(withoutCap);
    }

    @Test
    void aMissingPartIsNamedInPlainWords() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> PolicyParametersJson.read("{}"));
        org.junit.jupiter.api.Assertions.assertEquals("policy parameters are not valid: field 'suanli' is missing", refused.getMessage());
    }

    @Test
    void aRateAboveTheWholeIsRefused() {
        assertRefused(hz2025.replace("\"rateBp\": 5000", "\"rateBp\": 10001"));
    }

    @Test
    void aBoostBelowTheBaseRateIsRefused() {
        // 25% "boost" under DOMESTIC's 30% base would cut SMEs' subsidy
        assertRefused(hz2025.replace("\"rateBp\": 5000", "\"rateBp\": 2500"));
    }

    @Test
    void aFractionalRateIsRefused() {
        assertRefused(hz2025.replace("\"rateBp\": 5000", "\"rateBp\": 5000.5"));
    }

    @Test
    void zhinengAboveItsOwnStackCapIsRefused() {
        assertRefused(hz2025.replace("\"DOMESTIC\": 6000", "\"DOMESTIC\": 2500"));
    }

    @Test
    void aPerFacilityRateMustNameEveryFacility() {
        assertThrows(IllegalArgumentException.class, () -> new RateTable(null, Map.of(FacilityType.DOMESTIC, 3000)));
        assertThrows(IllegalArgumentException.class, () -> new RateTable(3000, Map.of(FacilityType.DOMESTIC, 3000,
                FacilityType.OTHER, 2000)));
    }

    @Test
    void aNewVersionIsJustData() throws IOException {
        PolicyParameters hz2026 = PolicyByContractDateTest.hz2026();

        assertAll(
                () -> assertEquals(2500, hz2026.suanli().rates().get(Category.COMPUTE).bpFor(FacilityType.OTHER)),
                () -> assertEquals(3500, hz2026.suanli().rates().get(Category.MODEL_SERVICE).bpFor(null)),
                () -> assertEquals(1_000_000_000L, hz2026.suanli().enterpriseCapFen()));
    }

    private static void assertRefused(String json) {
        assertThrows(IllegalArgumentException.class, () -> PolicyParametersJson.read(json));
    }
}
