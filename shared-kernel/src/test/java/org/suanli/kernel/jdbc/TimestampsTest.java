package org.suanli.kernel.jdbc;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TimestampsTest {

    @Test
    void everyShapeOfATimestampColumnIsTheSameInstant() {
        Instant at = Instant.parse("2026-11-22T01:30:00.123456Z");
        assertEquals(at, Timestamps.instant(at));
        assertEquals(at, Timestamps.instant(OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(8))));
        assertEquals(at, Timestamps.instant(java.sql.Timestamp.from(at)));
        assertNull(Timestamps.instant(null));
        // a column that is not a timestamp is a query's mistake, said so rather than read as some instant
        assertThrows(IllegalArgumentException.class, () -> Timestamps.instant("2026-11-22T01:30:00Z"));
    }
}
