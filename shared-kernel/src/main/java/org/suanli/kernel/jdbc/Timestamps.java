package org.suanli.kernel.jdbc;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A {@code timestamptz} column of a native query as an {@link Instant}. Hibernate hands it back as an Instant, an
 * OffsetDateTime or a {@code java.sql.Timestamp} depending on the query and the driver's path; the services read
 * such columns in several places and want one answer.
 */
public final class Timestamps {

    private Timestamps() {
    }

    /** The instant of a timestamp column's value; null for SQL NULL. */
    public static Instant instant(Object column) {
        if (column == null) {
            return null;
        }
        if (column instanceof Instant i) {
            return i;
        }
        if (column instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (column instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalArgumentException("not a timestamp column: " + column.getClass().getSimpleName());
    }
}
