package org.suanli.settlement.batch;

import org.junit.jupiter.api.Test;
import org.suanli.kernel.problem.ProblemException;

import java.time.Instant;
import java.time.YearMonth;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchRulesTest {

    @Test
    void a_batch_only_moves_forward_one_step_at_a_time() {
        assertDoesNotThrow(() -> BatchStatus.OPEN.requireCanMoveTo(BatchStatus.CLOSED, 1));
        assertDoesNotThrow(() -> BatchStatus.CLOSED.requireCanMoveTo(BatchStatus.APPROVED, 1));
        assertDoesNotThrow(() -> BatchStatus.APPROVED.requireCanMoveTo(BatchStatus.PAID, 1));

        for (BatchStatus from : BatchStatus.values()) {
            for (BatchStatus to : BatchStatus.values()) {
                boolean allowed = (from == BatchStatus.OPEN && to == BatchStatus.CLOSED)
                        || (from == BatchStatus.CLOSED && to == BatchStatus.APPROVED)
                        || (from == BatchStatus.APPROVED && to == BatchStatus.PAID);
                if (!allowed) {
                    ProblemException e = assertThrows(ProblemException.class, () -> from.requireCanMoveTo(to, 7));
                    assertEquals(409, e.status(), from + " -> " + to);
                    assertEquals("batch-state", e.slug());
                }
            }
        }
    }

    @Test
    void paying_before_approval_says_why() {
        ProblemException e = assertThrows(ProblemException.class, () -> BatchStatus.CLOSED.requireCanMoveTo(BatchStatus.PAID, 42));
        assertTrue(e.getMessage().contains("cannot be paid before finance has approved it"), e.getMessage());
    }

    @Test
    void periods_are_strict_months() {
        assertEquals(YearMonth.of(2026, 11), Periods.month("2026-11"));
        for (String bad : new String[]{"2026-13", "2026-00", "2026-1", "26-11", "2026/11", "", "abc", "1999-12", "2026-11-01"}) {
            ProblemException e = assertThrows(ProblemException.class, () -> Periods.month(bad), bad);
            assertEquals(400, e.status(), bad);
        }
    }

    @Test
    void the_month_of_an_instant_is_the_shanghai_calendar_month() {
        // 2026-11-30T16:30Z is already 1 December 00:30 in Hangzhou
        assertEquals(YearMonth.of(2026, 12), Periods.monthOf(Instant.parse("2026-11-30T16:30:00Z")));
        assertEquals(YearMonth.of(2026, 11), Periods.monthOf(Instant.parse("2026-11-30T15:59:59Z")));
    }

    @Test
    void a_statement_csv_has_one_line_per_entry_and_a_total_with_the_frozen_figures() {
        BatchView batch = new BatchView(3, "ptn-hz-ascend", "2026-11", BatchStatus.CLOSED, true, 2, "1000.00",
                "300.00", "0.00", "1300.00", Instant.parse("2026-12-01T02:00:00Z"), "finance1", null, null, null, null,
                null, Instant.parse("2026-11-02T02:00:00Z"), "0.00", "1300.00", "0.00", null, null);
        List<StatementLine> lines = List.of(
                new StatementLine(10, "ORDER_COMPLETED", "ord-1", null, "ent-xihu-ai", LocalDate.of(2026, 11, 2),
                        Instant.parse("2026-11-05T08:00:00Z"), "DOMESTIC", "COMPUTE", "西湖区", "INV-1", "1300.00",
                        "1000.00", "300.00", "0.00", "1300.00", null),
                new StatementLine(11, "CORRECTION", "ord-1", 10L, "ent-xihu-ai", LocalDate.of(2026, 11, 2),
                        Instant.parse("2026-11-05T08:00:00Z"), "DOMESTIC", "COMPUTE", "西湖区", "INV-1", "0.00",
                        "10.00", "-10.00", "0.00", "0.00", "invoice, \"rounded\""));

        String csv = StatementCsv.render(batch, lines);
        // Excel on Chinese Windows: a byte-order mark first, so that 西湖区 is read as UTF-8; CRLF line ends
        assertTrue(csv.startsWith("\uFEFF" + StatementCsv.HEADER + "\r\n"), csv);
        assertTrue(csv.endsWith("entries\r\n"), csv);
        assertEquals(csv.split("\n").length, csv.split("\r\n").length, "every line ends with CRLF");
        String[] rows = csv.substring(1).split("\r\n");

        assertEquals(StatementCsv.HEADER, rows[0]);
        assertEquals(4, rows.length);
        assertEquals("3,ptn-hz-ascend,2026-11,CLOSED,10,ORDER_COMPLETED,ord-1,,ent-xihu-ai,2026-11-02,2026-11-05T08:00:00Z,"
                + "DOMESTIC,COMPUTE,西湖区,INV-1,1300.00,1000.00,300.00,0.00,1300.00,", rows[1]);
        assertTrue(rows[2].startsWith("3,ptn-hz-ascend,2026-11,CLOSED,11,CORRECTION,ord-1,10,"), rows[2]);
        assertTrue(rows[2].endsWith(",10.00,-10.00,0.00,0.00,\"invoice, \"\"rounded\"\"\""), rows[2]);
        assertEquals("3,ptn-hz-ascend,2026-11,CLOSED,,TOTAL,,,,,,,,,,,1000.00,300.00,0.00,1300.00,2 entries", rows[3]);
        assertEquals(StatementCsv.HEADER.split(",").length, rows[3].split(",", -1).length, "the TOTAL line has every column");
    }

    @Test
    void a_batch_is_paid_whole_and_never_when_the_partner_owes_money_back() {
        assertDoesNotThrow(() -> BatchRules.requirePayable(5, 200000, null));
        assertDoesNotThrow(() -> BatchRules.requirePayable(5, 200000, 200000L));
        assertEquals(BatchRules.EXCEEDS_OWED,
                assertThrows(ProblemException.class, () -> BatchRules.requirePayable(5, 200000, 200001L)).slug());
        assertEquals(BatchRules.SHORT,
                assertThrows(ProblemException.class, () -> BatchRules.requirePayable(5, 200000, 199999L)).slug());
        ProblemException back = assertThrows(ProblemException.class, () -> BatchRules.requirePayable(5, -15000, null));
        assertEquals(422, back.status());
        assertTrue(back.getMessage().contains("owes 150.00 back"), back.getMessage());

        assertEquals(new BatchRules.Balance(0, 200000, 0), BatchRules.balance(BatchStatus.APPROVED, 200000));
        assertEquals(new BatchRules.Balance(200000, 0, 0), BatchRules.balance(BatchStatus.PAID, 200000));
        assertEquals(new BatchRules.Balance(0, 0, 15000), BatchRules.balance(BatchStatus.CLOSED, -15000));
    }
}
