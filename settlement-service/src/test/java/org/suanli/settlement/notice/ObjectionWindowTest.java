package org.suanli.settlement.notice;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Five working days (Mon–Fri, Asia/Shanghai) after the day of publication, worked on the calendar of 2026. */
class ObjectionWindowTest {

    @Test
    void published_on_a_wednesday_objections_run_to_the_end_of_next_wednesday() {
        // Wed 2 Dec 2026 → Thu 3, Fri 4, Mon 7, Tue 8, Wed 9
        assertEquals(LocalDate.of(2026, 12, 9), ObjectionWindow.lastDay(LocalDate.of(2026, 12, 2), 5));
    }

    @Test
    void published_on_a_friday_the_weekend_does_not_count() {
        // Fri 27 Nov → Mon 30, Tue 1, Wed 2, Thu 3, Fri 4 Dec
        assertEquals(LocalDate.of(2026, 12, 4), ObjectionWindow.lastDay(LocalDate.of(2026, 11, 27), 5));
        // published on Saturday 28 Nov the same five days follow
        assertEquals(LocalDate.of(2026, 12, 4), ObjectionWindow.lastDay(LocalDate.of(2026, 11, 28), 5));
        assertEquals(LocalDate.of(2026, 11, 30), ObjectionWindow.lastDay(LocalDate.of(2026, 11, 27), 1));
    }

    @Test
    void the_window_closes_at_midnight_in_shanghai_after_the_last_day() {
        // published 2026-11-27 10:00 Shanghai (02:00 UTC); last day Fri 4 Dec; closes 5 Dec 00:00 +08:00 = 4 Dec 16:00 UTC
        Instant closes = ObjectionWindow.closesAt(Instant.parse("2026-11-27T02:00:00Z"), 5);
        assertEquals(Instant.parse("2026-12-04T16:00:00Z"), closes);
        // published late on Thursday night UTC, already Friday in Shanghai: the Shanghai day counts
        assertEquals(closes, ObjectionWindow.closesAt(Instant.parse("2026-11-26T17:30:00Z"), 5));
    }

    @Test
    void a_filing_at_the_last_second_counts_and_one_at_the_deadline_does_not() {
        Instant closes = Instant.parse("2026-12-04T16:00:00Z");
        assertTrue(ObjectionRules.mayFile("o-1", closes, closes.minusSeconds(1)).isEmpty());
        Refusal late = ObjectionRules.mayFile("o-1", closes, closes).orElseThrow();
        assertEquals(422, late.status());
        assertEquals("objection-window-closed", late.slug());
        assertEquals("the objection window of order o-1 closed on 2026-12-05 00:00 (Asia/Shanghai); objections are "
                + "taken only while it is open", late.message());
    }

    @Test
    void an_answer_is_given_once() {
        assertTrue(ObjectionRules.mayAnswer(7, ObjectionRules.Status.OPEN).isEmpty());
        assertEquals("objection-answered", ObjectionRules.mayAnswer(7, ObjectionRules.Status.DISMISSED).orElseThrow().slug());
        assertEquals(409, ObjectionRules.mayAnswer(7, ObjectionRules.Status.UPHELD).orElseThrow().status());
    }

    @Test
    void an_order_is_held_while_an_objection_is_open_or_upheld_and_not_yet_clawed_back() {
        var open = new ObjectionRules.Standing(ObjectionRules.Status.OPEN, false);
        var dismissed = new ObjectionRules.Standing(ObjectionRules.Status.DISMISSED, false);
        var upheld = new ObjectionRules.Standing(ObjectionRules.Status.UPHELD, false);
        var clawedBack = new ObjectionRules.Standing(ObjectionRules.Status.UPHELD, true);
        assertFalse(ObjectionRules.holdsOrder(List.of()));
        assertTrue(ObjectionRules.holdsOrder(List.of(open)));
        assertFalse(ObjectionRules.holdsOrder(List.of(dismissed)));
        assertTrue(ObjectionRules.holdsOrder(List.of(dismissed, open)), "a second objection still open");
        assertTrue(ObjectionRules.holdsOrder(List.of(upheld)));
        assertFalse(ObjectionRules.holdsOrder(List.of(clawedBack, dismissed)));
    }

    @Test
    void a_window_is_at_least_one_working_day() {
        assertThrows(IllegalArgumentException.class, () -> ObjectionWindow.lastDay(LocalDate.of(2026, 12, 2), 0));
    }
}
