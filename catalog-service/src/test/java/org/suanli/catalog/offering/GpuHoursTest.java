package org.suanli.catalog.offering;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GpuHoursTest {

    @Test
    void readsAtMostOneDecimalPlaceIntoTenths() {
        assertEquals(125, GpuHours.parse("12.5"));
        assertEquals(120, GpuHours.parse("12"));
        assertEquals(0, GpuHours.parse("0"));
        assertEquals(3, GpuHours.parse("0.3"));
    }

    @Test
    void refusesSignsExtraPlacesAndJunk() {
        for (String bad : new String[]{"-1", "+1", "1.25", "1.", ".5", "01", "1e3", " ", "12,5"}) {
            assertThrows(IllegalArgumentException.class, () -> GpuHours.parse(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> GpuHours.parsePositive("0.0"));
    }

    @Test
    void writesOneDecimalPlace() {
        assertEquals("12.5", GpuHours.format(125));
        assertEquals("100.0", GpuHours.format(1000));
        assertEquals("0.0", GpuHours.format(0));
    }
}
