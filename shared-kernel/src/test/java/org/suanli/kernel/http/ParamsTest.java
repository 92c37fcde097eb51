package org.suanli.kernel.http;

import org.junit.jupiter.api.Test;
import org.suanli.kernel.problem.ProblemException;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ParamsTest {

    enum State { PLACED, CONFIRMED }

    static String refusal(Runnable r) {
        ProblemException e = assertThrows(ProblemException.class, r::run);
        assertEquals(400, e.status());
        return e.getMessage();
    }

    @Test
    void a_year_is_four_digits_within_the_one_range() {
        assertEquals(2026, Params.year("year", " 2026 ", true));
        assertNull(Params.year("year", "", false));
        assertEquals("parameter 'year' must be a year of four digits, e.g. 2026, not 'abc'", refusal(() -> Params.year("year", "abc", false)));
        assertEquals("parameter 'year': year 1999 is outside the years the marketplace accepts (2000 to 2100)",
                refusal(() -> Params.year("year", "1999", false)));
        assertEquals("parameter 'year' is required, e.g. year=2026", refusal(() -> Params.year("year", null, true)));
    }

    @Test
    void numbers_choices_and_dates_say_what_to_send() {
        assertEquals(20, Params.integer("size", null, 20, 1, 100));
        assertEquals("parameter 'size' must be from 1 to 100, not 500", refusal(() -> Params.integer("size", "500", 20, 1, 100)));
        assertEquals("parameter 'page' must be a whole number, not '1e3'", refusal(() -> Params.integer("page", "1e3", 0, 0, 9)));
        assertEquals(State.CONFIRMED, Params.enumOf(State.class, "state", "confirmed"));
        assertEquals("parameter 'state' must be one of PLACED, CONFIRMED, not 'DONE'", refusal(() -> Params.enumOf(State.class, "state", "DONE")));
        assertEquals(LocalDate.of(2026, 11, 22), Params.date("from", "2026-11-22"));
        assertEquals("parameter 'from': year 9999 is outside the years the marketplace accepts (2000 to 2100)",
                refusal(() -> Params.date("from", "9999-01-01")));
        assertEquals("parameter 'id' must be a positive whole number, not 'abc'", refusal(() -> Params.id("id", "abc")));
        assertEquals("parameter 'partner' contains a NUL character (\\u0000) at position 3", refusal(() -> Params.text("partner", "ptn\u0000")));
    }
}
