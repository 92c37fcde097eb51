package org.suanli.kernel.http;

import org.suanli.kernel.json.JsonWords;
import org.suanli.kernel.json.TextRules;
import org.suanli.kernel.problem.ProblemException;
import org.suanli.kernel.time.Years;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The one way every service reads query and path parameters: taken as text and converted here, so that a bad
 * value is a 400 naming the parameter and saying what to send (JAX-RS would answer an unconvertible number
 * with "404 Not Found"). Absent or blank means "not given".
 */
public final class Params {

    private Params() {
    }

    /** Trimmed text, or null when absent or blank; NUL and control characters are refused. */
    public static String text(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String problem = TextRules.problem(value, false);
        if (problem != null) {
            throw ProblemException.badRequest("parameter '" + name + "' " + problem);
        }
        return value.trim();
    }

    public static String required(String name, String value, String example) {
        String v = text(name, value);
        if (v == null) {
            throw ProblemException.badRequest("parameter '" + name + "' is required, e.g. " + name + "=" + example);
        }
        return v;
    }

    /** A whole number within [min, max], or {@code absent} when not given. */
    public static Integer integer(String name, String value, Integer absent, int min, int max) {
        String v = text(name, value);
        if (v == null) {
            return absent;
        }
        if (!v.matches("-?[0-9]{1,10}")) {
            throw ProblemException.badRequest("parameter '" + name + "' must be a whole number, not '" + v + "'");
        }
        long n = Long.parseLong(v);
        if (n < min || n > max) {
            throw ProblemException.badRequest("parameter '" + name + "' must be " + range(min, max) + ", not " + n);
        }
        return (int) n;
    }

    /** A positive identifier such as a batch number. */
    public static long id(String name, String value) {
        String v = text(name, value);
        if (v == null || !v.matches("[1-9][0-9]{0,17}")) {
            throw ProblemException.badRequest("parameter '" + name + "' must be a positive whole number, not '"
                    + (v == null ? "" : v) + "'");
        }
        return Long.parseLong(v);
    }

    /** A program or calendar year in {@link Years}; null when not given and not required. */
    public static Integer year(String name, String value, boolean required) {
        String v = text(name, value);
        if (v == null) {
            if (required) {
                throw ProblemException.badRequest("parameter '" + name + "' is required, e.g. " + name + "=2026");
            }
            return null;
        }
        if (!v.matches("[0-9]{4}")) {
            throw ProblemException.badRequest("parameter '" + name + "' must be a year of four digits, e.g. 2026, not '" + v + "'");
        }
        int year = Integer.parseInt(v);
        if (!Years.plausible(year)) {
            throw ProblemException.badRequest("parameter '" + name + "': " + Years.outOfRange(year));
        }
        return year;
    }

    /** A month number 1..12, or null when not given. */
    public static Integer month(String name, String value) {
        String v = text(name, value);
        if (v == null) {
            return null;
        }
        if (!v.matches("[0-9]{1,2}") || Integer.parseInt(v) < 1 || Integer.parseInt(v) > 12) {
            throw ProblemException.badRequest("parameter '" + name + "' must be a month number from 1 to 12, not '" + v + "'");
        }
        return Integer.parseInt(v);
    }

    /** An enum constant, case-insensitive; the refusal lists the allowed values. */
    public static <E extends Enum<E>> E enumOf(Class<E> type, String name, String value) {
        String v = text(name, value);
        if (v == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v.toUpperCase(Locale.ROOT))) {
                return e;
            }
        }
        throw ProblemException.badRequest("parameter '" + name + "' must be one of " + JsonWords.allowed(type)
                + ", not '" + v + "'");
    }

    /** An ISO date (2026-11-22) within {@link Years}, or null when not given. */
    public static LocalDate date(String name, String value) {
        String v = text(name, value);
        if (v == null) {
            return null;
        }
        LocalDate d;
        try {
            d = LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("parameter '" + name + "' must be a date like 2026-11-22, not '" + v + "'");
        }
        if (!Years.plausible(d.getYear())) {
            throw ProblemException.badRequest("parameter '" + name + "': " + Years.outOfRange(d.getYear()));
        }
        return d;
    }

    private static String range(int min, int max) {
        if (max == Integer.MAX_VALUE) {
            return "at least " + min;
        }
        return "from " + min + " to " + max;
    }
}
