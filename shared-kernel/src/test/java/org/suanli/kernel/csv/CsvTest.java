package org.suanli.kernel.csv;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvTest {

    @Test
    void a_document_starts_with_the_byte_order_mark_and_ends_lines_with_crlf() {
        StringBuilder b = new StringBuilder();
        Csv.start(b, "district,amount_yuan");
        Csv.line(b, Csv.text("余杭区"), "1234.50");
        assertEquals("\uFEFFdistrict,amount_yuan\r\n余杭区,1234.50\r\n", b.toString());
    }

    @Test
    void text_is_quoted_per_rfc_4180_and_formulas_are_defused() {
        assertEquals("\"a,b\"", Csv.text("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.text("say \"hi\""));
        assertEquals("\"two\r\nlines\"", Csv.text("two\r\nlines"));
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", Csv.text("=HYPERLINK(\"x\")"));
        assertEquals("'+1", Csv.text("+1"));
        assertEquals("'-1", Csv.text("-1"));
        assertEquals("'@SUM(A1)", Csv.text("@SUM(A1)"));
        assertEquals("", Csv.text(null));
    }
}
