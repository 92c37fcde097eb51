package org.suanli.kernel.csv;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * CSV exports as a finance office opens them: RFC 4180 fields and CRLF line ends, UTF-8 with a byte-order mark
 * first (without it Excel on Chinese Windows reads the file as GBK and garbles the district names), and text a
 * spreadsheet would run as a formula neutralised. Figures (amounts, counts, dates) go in as they are; anything
 * a person typed goes through {@link #text}.
 */
public final class Csv {

    public static final String BOM = "\uFEFF";
    public static final String EOL = "\r\n";
    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";

    private Csv() {
    }

    /** A text field: quoted when it holds a comma, quote or line break; a leading = + - @ tab or CR defused. */
    public static String text(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    /** Starts a document: the byte-order mark and the header line. */
    public static void start(Appendable out, String header) {
        append(out, BOM);
        line(out, header);
    }

    /** One record: the fields as given (already {@link #text}-ed where they are text), joined, CRLF-terminated. */
    public static void line(Appendable out, String... fields) {
        append(out, String.join(",", fields));
        append(out, EOL);
    }

    private static void append(Appendable out, String s) {
        try {
            out.append(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
