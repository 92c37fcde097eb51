package org.suanli.catalog.partner;

import org.suanli.kernel.units.CreditCodes;

import org.junit.jupiter.api.Test;
import org.suanli.kernel.problem.ProblemException;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PartnerRulesTest {

    private static FacilityForm facility(String name, String district, String... models) {
        return new FacilityForm(null, name, district, new BigDecimal("1.20"),
                java.util.Arrays.stream(models).map(m -> new FacilityForm.AcceleratorForm(m, 8)).toList());
    }

    private static ApprovalForm.FacilityVetting vet(String id, boolean secure, boolean pricing) {
        return new ApprovalForm.FacilityVetting(id, FacilityType.DOMESTIC, new BigDecimal("1.21"), secure, pricing, null);
    }

    @Test
    void facilitiesStandInHangzhouDistricts() {
        assertDoesNotThrow(() -> PartnerRules.checkApplication(new ApplicationForm("A", "91330110MA2H4K7Q6F",
                List.of(facility("one", "余杭区", "Ascend 910B"), facility("two", "滨江区", "L40S")))));
        ProblemException e = assertThrows(ProblemException.class, () -> PartnerRules.checkApplication(
                new ApplicationForm("A", "91330110MA2H4K7Q6F", List.of(facility("one", "浦东新区", "H100")))));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("浦东新区"));
    }

    @Test
    void aFacilityNameOrAnAcceleratorModelIsGivenOnce() {
        assertEquals(400, assertThrows(ProblemException.class, () -> PartnerRules.checkApplication(new ApplicationForm("A",
                "91330110MA2H4K7Q6F", List.of(facility("one", "余杭区", "H100"), facility("one", "滨江区", "L40S"))))).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> PartnerRules.checkApplication(new ApplicationForm("A",
                "91330110MA2H4K7Q6F", List.of(facility("one", "余杭区", "H100", "h100"))))).status());
    }

    @Test
    void approvalVetsEveryFacilityExactlyOnce() {
        assertDoesNotThrow(() -> PartnerRules.checkApproval(List.of("f1", "f2"), List.of(vet("f1", true, true), vet("f2", true, true))));
        ProblemException missing = assertThrows(ProblemException.class,
                () -> PartnerRules.checkApproval(List.of("f1", "f2"), List.of(vet("f1", true, true))));
        assertEquals(422, missing.status());
        assertEquals("facility-not-vetted", missing.slug());
        ProblemException foreign = assertThrows(ProblemException.class,
                () -> PartnerRules.checkApproval(List.of("f1"), List.of(vet("f1", true, true), vet("other", true, true))));
        assertEquals("unknown-facility", foreign.slug());
        assertEquals(400, assertThrows(ProblemException.class,
                () -> PartnerRules.checkApproval(List.of("f1"), List.of(vet("f1", true, true), vet("f1", true, true)))).status());
    }

    @Test
    void aFacilityThatFailsSecurityOrPricingIsNotApproved() {
        assertEquals("vetting-failed", assertThrows(ProblemException.class,
                () -> PartnerRules.checkApproval(List.of("f1"), List.of(vet("f1", false, true)))).slug());
        assertEquals("vetting-failed", assertThrows(ProblemException.class,
                () -> PartnerRules.checkApproval(List.of("f1"), List.of(vet("f1", true, false)))).slug());
    }

    @Test
    void creditCodesHaveEighteenCharactersWithoutIOSVZ() {
        assertTrue(CreditCodes.valid("91330110MA2H4K7Q6F"));
        assertTrue(!CreditCodes.valid("91330110MA2H4K7Q6"));
        assertTrue(!CreditCodes.valid("91330110MA2H4K7Q6I"));
        assertTrue(!CreditCodes.valid("91330110ma2h4k7q6f"));
    }
}
