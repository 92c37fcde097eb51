package org.suanli.settlement.batch;

import org.suanli.kernel.problem.ProblemException;
import org.suanli.kernel.time.Years;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Settlement periods: a calendar month "2026-11", in Asia/Shanghai (a program year alone is read with the
 * kernel's {@code Params.year}, within the same {@link Years}). Parsing is strict: "2026-13", "2026-1" or "26-11"
 * are refused with a message a person can act on (400).
 */
public final class Periods {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM");

    private Periods() {
    }

    /** "2026-11" → 2026-11; anything else is a 400. */
    public static YearMonth month(String text) {
        Matcher m = text == null ? null : MONTH.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw ProblemException.badRequest("period '" + text + "' must be a month written YYYY-MM, e.g. 2026-11");
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        if (month < 1 || month > 12) {
            throw ProblemException.badRequest("period '" + text + "' has no month " + month + " (01 to 12)");
        }
        return YearMonth.of(checkYear(year, text), month);
    }

    public static String format(YearMonth month) {
        return month.format(FORMAT);
    }

    /** The Shanghai calendar month an instant falls in. */
    public static YearMonth monthOf(Instant at) {
        return YearMonth.from(at.atZone(SHANGHAI));
    }

    private static int checkYear(int year, String text) {
        if (!Years.plausible(year)) {
            throw ProblemException.badRequest("period '" + text + "': " + Years.outOfRange(year));
        }
        return year;
    }
}
