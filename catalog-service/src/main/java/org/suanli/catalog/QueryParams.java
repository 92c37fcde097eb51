package org.suanli.catalog;

import org.suanli.kernel.problem.ProblemException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Query parameters read as text and converted here, so a bad value is a 400 that says what to send (not a 404). */
public final class QueryParams {

    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumOf(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name + " must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")) + ", not '" + value + "'");
        }
    }

    public static Integer integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name + " must be a whole number, not '" + value + "'");
        }
    }
}
