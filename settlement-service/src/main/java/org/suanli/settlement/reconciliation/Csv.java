package org.suanli.settlement.reconciliation;

/** CSV fields per RFC 4180, and text that a spreadsheet would run as a formula is neutralised. */
public final class Csv {

    private Csv() {
    }

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
}
