package org.suanli.catalog.offering;

import org.junit.jupiter.api.Test;
import org.suanli.kernel.problem.ProblemException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfferingRulesTest {

    private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2027-06-01T00:00:00Z");
    private static final Map<String, Integer> INSTALLED = Map.of("Ascend 910B", 64);

    private static OfferingForm form(Category category, String filing, String price, String capacity, Instant from, Instant to,
                                     String model, int perUnit) {
        return new OfferingForm("fac-1", model, perUnit, 64, new BigDecimal("313.0"), category, filing, price, capacity, from, to);
    }

    private static OfferingForm compute(String price, String capacity) {
        return form(Category.COMPUTE, null, price, capacity, FROM, TO, "Ascend 910B", 8);
    }

    private static ProblemException refused(OfferingForm f) {
        return assertThrows(ProblemException.class, () -> OfferingRules.check(f, INSTALLED));
    }

    @Test
    void pricesAreYuanPerGpuHourInFenAndCapacityIsTenthsOfGpuHours() {
        OfferingRules.Checked c = OfferingRules.check(compute("11.50", "20000.5"), INSTALLED);
        assertEquals(1150, c.unitPriceFen());
        assertEquals(200005, c.capacityTenths());
        assertNull(c.filingNumber());
    }

    @Test
    void zeroOrNegativeOrMalformedPricesAndCapacitiesAreRefused() {
        for (String price : new String[]{"0", "0.00", "-1.00", "12.345", "abc", ""}) {
            assertEquals(400, refused(compute(price, "100")).status(), price);
        }
        for (String capacity : new String[]{"0", "0.0", "-5", "1.25", "x"}) {
            assertEquals(400, refused(compute("10.00", capacity)).status(), capacity);
        }
    }

    @Test
    void implausiblePricesAndCapacitiesAreRefusedNamingTheLimit() {
        // the ceilings themselves are fine, whatever the accelerators per unit: the price is per GPU-hour
        OfferingRules.Checked c = OfferingRules.check(compute("10000.00", "10000000.0"), INSTALLED);
        assertEquals(OfferingRules.MAX_UNIT_PRICE_FEN, c.unitPriceFen());
        assertEquals(OfferingRules.MAX_CAPACITY_TENTHS, c.capacityTenths());
        assertEquals(1_000_000L, OfferingRules.check(form(Category.COMPUTE, null, "10000", "100", FROM, TO, "Ascend 910B", 64), INSTALLED)
                .unitPriceFen());
        for (String price : new String[]{"10000.01", "99999999.99", "9999999999.99", "999999999999999999999.99", "10000.001"}) {
            ProblemException e = refused(compute(price, "100"));
            assertEquals(400, e.status(), price);
            assertTrue(e.getMessage().contains("at most 10000.00 CNY per GPU-hour"), e.getMessage());
        }
        for (String capacity : new String[]{"10000000.1", "99999999.9", "999999999.9", "99999999999999999999"}) {
            ProblemException e = refused(compute("10.00", capacity));
            assertEquals(400, e.status(), capacity);
            assertTrue(e.getMessage().contains("at most 10000000.0 GPU-hours"), e.getMessage());
        }
    }

    @Test
    void theWindowEndsAfterItStarts() {
        assertEquals("window-invalid", refused(form(Category.COMPUTE, null, "10", "100", TO, FROM, "Ascend 910B", 8)).slug());
        assertEquals("window-invalid", refused(form(Category.COMPUTE, null, "10", "100", FROM, FROM, "Ascend 910B", 8)).slug());
    }

    @Test
    void aModelServiceNamesItsFilingNumberAndComputeDoesNot() {
        assertEquals("filing-number-required", refused(form(Category.MODEL_SERVICE, null, "10", "100", FROM, TO, "Ascend 910B", 8)).slug());
        assertEquals("filing-number-required", refused(form(Category.MODEL_SERVICE, "  ", "10", "100", FROM, TO, "Ascend 910B", 8)).slug());
        assertEquals("Zhejiang-Test-20240618", OfferingRules.check(
                form(Category.MODEL_SERVICE, " Zhejiang-Test-20240618 ", "10", "100", FROM, TO, "Ascend 910B", 8), INSTALLED).filingNumber());
        assertEquals("filing-number-not-applicable", refused(form(Category.COMPUTE, "Zhejiang-X-1", "10", "100", FROM, TO, "Ascend 910B", 8)).slug());
    }

    @Test
    void theAcceleratorIsOneInstalledInTheFacilityAndAUnitFitsInIt() {
        assertDoesNotThrow(() -> OfferingRules.check(form(Category.COMPUTE, null, "10", "100", FROM, TO, "ascend 910b", 64), INSTALLED));
        assertEquals("accelerator-not-installed", refused(form(Category.COMPUTE, null, "10", "100", FROM, TO, "H100", 8)).slug());
        assertEquals("accelerator-not-installed", refused(form(Category.COMPUTE, null, "10", "100", FROM, TO, "Ascend 910B", 65)).slug());
    }

    @Test
    void onlyAWindowThatHasNotEndedIsPublished() {
        assertDoesNotThrow(() -> OfferingRules.checkPublishable(TO, FROM));
        assertEquals("window-ended", assertThrows(ProblemException.class, () -> OfferingRules.checkPublishable(FROM, TO)).slug());
    }

    @Test
    void capacityNeverShrinksBelowWhatOrdersHold() {
        assertDoesNotThrow(() -> OfferingRules.checkCapacityCovers(100, 60, 40));
        assertEquals(409, assertThrows(ProblemException.class, () -> OfferingRules.checkCapacityCovers(99, 60, 40)).status());
    }
}
