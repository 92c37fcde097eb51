package org.suanli.voucher.policy;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.suanli.voucher.policy.AContract.aContract;
import static org.suanli.voucher.policy.Expected.nothing;
import static org.suanli.voucher.policy.Expected.suanliOnly;
import static org.suanli.voucher.policy.ReasonCode.INELIGIBLE_BUYER;
import static org.suanli.voucher.policy.ReasonCode.NO_POLICY;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Rule 1: the version in force on the contract date decides; a later version repeals the earlier. */
class PolicyByContractDateTest {

    private final PolicyEngine engine = SeededPolicies.engine();

    @Test
    void theDatabaseIsSeededWithBothHangzhouPolicies() {
        assertEquals(List.of("HZ-2023", "HZ-2025"), engine.versions().stream().map(PolicyVersion::code).toList());
        assertEquals(LocalDate.of(2023, 8, 25), SeededPolicies.version("HZ-2023").effectiveFrom());
        assertEquals(LocalDate.of(2025, 7, 15), SeededPolicies.version("HZ-2025").effectiveFrom());
    }

    @Test
    void beforeTheFirstPolicyNothingIsPaidWhateverIsAsked() {
        // no version -> code NONE, every figure zero, only NO_POLICY (智能券 asked or not)
        var contract = aContract().signedOn("2022-12-31").bySme().of("5000.00").asking(ZhinengMode.EXEMPT_MATCHING);

        assertEquals(nothing("NONE", "5000.00", NO_POLICY), engine.decide(contract.request()));
    }

    @Test
    void hz2023GovernsFromItsFirstDay() {
        assertAll(
                () -> assertEquals(Optional.empty(), engine.versionOn(LocalDate.of(2023, 8, 24))),
                () -> assertEquals("HZ-2023", codeOn(engine, "2023-08-25")));
    }

    @Test
    void hz2025RepealsHz2023FromItsFirstDay() {
        // the same larger enterprise: on 2025-07-14 HZ-2023 pays SMEs only; on 2025-07-15 HZ-2025 pays it
        // 30% on DOMESTIC: 20,000.00 x 30% = 6,000.00
        var onTheLastDay = aContract().signedOn("2025-07-14").forCompute(FacilityType.DOMESTIC).of("20000.00");
        var onTheFirstDay = aContract().signedOn("2025-07-15").forCompute(FacilityType.DOMESTIC).of("20000.00");

        assertAll(
                () -> assertEquals(nothing("HZ-2023", "20000.00", INELIGIBLE_BUYER), engine.decide(onTheLastDay.request())),
                () -> assertEquals(suanliOnly("HZ-2025", 3000, "6000.00", "14000.00"), engine.decide(onTheFirstDay.request())));
    }

    @Test
    void aVersionAddedLaterTakesOverWithoutChangingEarlierDates() throws IOException {
        // an admin adds HZ-2026 (data only): OTHER compute rises from 20% to 25%
        List<PolicyVersion> versions = new ArrayList<>(SeededPolicies.versions());
        versions.add(new PolicyVersion("HZ-2026", LocalDate.of(2026, 1, 1), hz2026()));
        var withHz2026 = new PolicyEngine(versions);

        var lastDayOf2025 = aContract().signedOn("2025-12-31").forCompute(FacilityType.OTHER).of("10000.00");
        var firstDayOf2026 = aContract().signedOn("2026-01-01").forCompute(FacilityType.OTHER).of("10000.00");
        var in2024 = aContract().signedOn("2024-05-21").bySme().forCompute(FacilityType.OTHER).of("10000.00");

        assertAll(
                // 10,000.00 x 20% = 2,000.00 under HZ-2025, as before
                () -> assertEquals(suanliOnly("HZ-2025", 2000, "2000.00", "8000.00"), withHz2026.decide(lastDayOf2025.request())),
                // 10,000.00 x 25% = 2,500.00 under HZ-2026
                () -> assertEquals(suanliOnly("HZ-2026", 2500, "2500.00", "7500.00"), withHz2026.decide(firstDayOf2026.request())),
                // 10,000.00 x 30% flat = 3,000.00 under HZ-2023, untouched
                () -> assertEquals(suanliOnly("HZ-2023", 3000, "3000.00", "7000.00"), withHz2026.decide(in2024.request())),
                () -> assertEquals("HZ-2026", codeOn(withHz2026, "2031-06-30")));
    }

    @Test
    void theOrderVersionsAreGivenInDoesNotMatter() {
        var reversed = new PolicyEngine(List.of(SeededPolicies.version("HZ-2025"), SeededPolicies.version("HZ-2023")));

        assertAll(
                () -> assertEquals("HZ-2023", codeOn(reversed, "2025-07-14")),
                () -> assertEquals("HZ-2025", codeOn(reversed, "2025-07-15")));
    }

    @Test
    void twoVersionsTakingEffectOnOneDayAreRefused() {
        PolicyVersion hz2025 = SeededPolicies.version("HZ-2025");
        var twin = new PolicyVersion("HZ-2025-BIS", hz2025.effectiveFrom(), hz2025.parameters());

        assertThrows(IllegalArgumentException.class, () -> new PolicyEngine(List.of(hz2025, twin)));
    }

    @Test
    void oneCodeTwiceIsRefused() {
        PolicyVersion hz2025 = SeededPolicies.version("HZ-2025");
        var again = new PolicyVersion("HZ-2025", LocalDate.of(2026, 1, 1), hz2025.parameters());

        assertThrows(IllegalArgumentException.class, () -> new PolicyEngine(List.of(hz2025, again)));
    }

    @Test
    void theNoPolicyCodeIsReserved() {
        assertThrows(IllegalArgumentException.class, () -> new PolicyVersion("NONE", LocalDate.of(2030, 1, 1),
                SeededPolicies.version("HZ-2025").parameters()));
    }

    static PolicyParameters hz2026() throws IOException {
        try (InputStream in = PolicyByContractDateTest.class.getResourceAsStream("/policy/hz-2026-example.json")) {
            return PolicyParametersJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static String codeOn(PolicyEngine engine, String isoDate) {
        return engine.versionOn(LocalDate.parse(isoDate)).map(PolicyVersion::code).orElse("NONE");
    }
}
