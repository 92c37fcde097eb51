package org.suanli.kernel.json;

import com.fasterxml.jackson.core.JsonToken;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/** JSON types in the words of the API's documentation, never Java class names. */
public final class JsonWords {

    private JsonWords() {
    }

    /** What a value of {@code type} is written as: "text (a JSON string)", "one of COMPUTE, MODEL_SERVICE", … */
    public static String of(Class<?> type) {
        if (type == null) {
            return "a value of the documented type";
        }
        if (type == String.class || type == CharSequence.class || type == Character.class || type == char.class) {
            return "text (a JSON string)";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class || type == Byte.class) {
            return "a whole number";
        }
        if (type == BigDecimal.class || type == Double.class || type == double.class || type == Float.class
                || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + allowed(type);
        }
        if (type == LocalDate.class) {
            return "a date written as text, e.g. \"2026-11-22\"";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "a date and time with its offset written as text, e.g. \"2026-11-23T09:00:00+08:00\"";
        }
        if (type == LocalDateTime.class) {
            return "a date and time written as text, e.g. \"2026-11-23T09:00:00\"";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list (a JSON array)";
        }
        return "an object (a JSON object)";
    }

    /** The constants of an enum, as a client writes them. */
    public static String allowed(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
    }

    /** What a JSON token is, for "…, not a number". */
    public static String token(JsonToken t) {
        if (t == null) {
            return null;
        }
        return switch (t) {
            case VALUE_STRING -> "text";
            case VALUE_NUMBER_INT -> "a whole number";
            case VALUE_NUMBER_FLOAT -> "a decimal number";
            case VALUE_TRUE, VALUE_FALSE -> "true/false";
            case VALUE_NULL -> "null";
            case START_OBJECT, END_OBJECT, FIELD_NAME -> "an object";
            case START_ARRAY, END_ARRAY -> "a list";
            default -> null;
        };
    }
}
