package org.suanli.kernel.units;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GpuHoursTest {

    @Test
    void whole_or_tenth_gpu_hours_are_read_into_tenths() {
        assertEquals(125, GpuHours.parse("12.5"));
        assertEquals(120, GpuHours.parse("12"));
        assertEquals(0, GpuHours.parse("0"));
        assertEquals(1, GpuHours.parsePositive("gpuHours", "0.1"));
        assertEquals("12.5", GpuHours.format(125));
        assertEquals("12.0", GpuHours.format(120));
        assertEquals("0.0", GpuHours.format(0));
    }

    @Test
    void signs_hundredths_and_junk_are_refused_and_zero_where_a_quantity_is_needed() {
        for (String bad : new String[]{"-1", "+1", "12.55", "1.", ".5", "012", "1e3", "abc", "", " ", "12,5", "1000000000"}) {
            assertThrows(IllegalArgumentException.class, () -> GpuHours.parse(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> GpuHours.parse(null));
        assertThrows(IllegalArgumentException.class, () -> GpuHours.parsePositive("gpuHours", "0.0"));
    }

    @Test
    void a_neighbours_figure_is_read_tolerantly_and_rounded_down() {
        assertEquals(1000, GpuHours.parseLenient("100"));
        assertEquals(999, GpuHours.parseLenient("99.95"));
        assertNull(GpuHours.parseLenient("lots"));
        assertNull(GpuHours.parseLenient(null));
    }

    @Test
    void an_amount_is_price_times_hours_rounded_down_to_the_fen() {
        // 3.33 yuan × 12.5 h = 41.625 yuan → 41.62
        assertEquals(4162, GpuHours.amountFen(333, 125));
        assertEquals(80000, GpuHours.amountFen(800, 1000));
    }
}
