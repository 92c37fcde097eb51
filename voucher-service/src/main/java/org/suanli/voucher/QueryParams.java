package org.suanli.voucher;

import org.suanli.kernel.problem.ProblemException;

/**
 * Query parameters read as text and parsed here: JAX-RS would answer an unconvertible number with a 404,
 * where the caller deserves a 400 that says what to fix.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static Integer year(String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ProblemException.badRequest("query parameter year is required, e.g. year=2026");
            }
            return null;
        }
        int year = integer("year", value);
        if (year < 2000 || year > 2100) {
            throw ProblemException.badRequest("year must be between 2000 and 2100, was " + year);
        }
        return year;
    }

    public static Integer month(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        int month = integer("month", value);
        if (month < 1 || month > 12) {
            throw ProblemException.badRequest("month must be 1 to 12, was " + month);
        }
        return month;
    }

    public static int positive(String name, String value) {
        int n = integer(name, value);
        if (n < 1) {
            throw ProblemException.badRequest(name + " must be at least 1, was " + n);
        }
        return n;
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name + " must be a whole number, was '" + value + "'");
        }
    }
}
