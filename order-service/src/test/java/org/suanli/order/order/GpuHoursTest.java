package org.suanli.order.order;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GpuHoursTest {

    @Test
    void a_buyer_orders_whole_or_tenth_gpu_hours() {
        assertEquals(125, GpuHours.parsePositiveTenths("gpuHours", "12.5"));
        assertEquals(120, GpuHours.parsePositiveTenths("gpuHours", "12"));
        assertEquals(1, GpuHours.parsePositiveTenths("gpuHours", "0.1"));
        assertEquals("12.5", GpuHours.format(125));
        assertEquals("12.0", GpuHours.format(120));
    }

    @Test
    void zero_signs_and_hundredths_are_refused() {
        for (String bad : new String[]{"0", "0.0", "12.55", "-1", "+1", "1e3", "abc", "", " ", "012", "1.", ".5"}) {
            assertThrows(IllegalArgumentException.class, () -> GpuHours.parsePositiveTenths("gpuHours", bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> GpuHours.parsePositiveTenths("gpuHours", null));
    }

    @Test
    void what_catalog_reports_is_read_tolerantly_and_rounded_down() {
        assertEquals(1000, GpuHours.tolerantTenths("100"));
        assertEquals(999, GpuHours.tolerantTenths("99.95"));
        assertNull(GpuHours.tolerantTenths("lots"));
        assertNull(GpuHours.tolerantTenths(null));
    }

    @Test
    void an_amount_is_price_times_hours_rounded_down_to_the_fen() {
        // 3.33 yuan × 12.5 h = 41.625 yuan → 41.62
        assertEquals(4162, GpuHours.amountFen(333, 125));
        assertEquals(80000, GpuHours.amountFen(800, 1000));
    }
}
