package org.suanli.kernel.json;

/**
 * What text a request may carry. PostgreSQL refuses NUL, a lone UTF-16 surrogate is not a character
 * (it would be stored as '?'), and control characters hide in names and break CSV exports and logs.
 * Line feed and tab are allowed in free text only ({@link FreeText}); a carriage return never (send "\n").
 */
public final class TextRules {

    private TextRules() {
    }

    /** Why {@code text} is refused, in words for the caller, or null if it is fine. */
    public static String problem(String text, boolean freeText) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains an unpaired surrogate (\\u" + hex(c) + ") at position " + i + ": send valid Unicode text";
            }
            if (Character.isLowSurrogate(c)) {
                return "contains an unpaired surrogate (\\u" + hex(c) + ") at position " + i + ": send valid Unicode text";
            }
            if (c == 0) {
                return "contains a NUL character (\\u0000) at position " + i;
            }
            if (Character.getType(c) == Character.CONTROL && !(freeText && (c == '\n' || c == '\t'))) {
                return "contains the control character \\u" + hex(c) + " at position " + i
                        + (freeText ? " (only line feeds and tabs are allowed here)" : " (this field holds one line of text)");
            }
        }
        return null;
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }
}
