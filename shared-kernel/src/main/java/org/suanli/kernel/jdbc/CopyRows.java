package org.suanli.kernel.jdbc;

import org.postgresql.PGConnection;

import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Rows for PostgreSQL's {@code COPY ... FROM STDIN} (CSV): the cheapest way to write thousands of rows
 * in one transaction, which is what the hot paths (a batch of holds, their ledger lines and outgoing
 * events) do. Build the rows field by field, then {@link #copyInto} the table.
 */
public final class CopyRows {

    /** Rows go out in chunks of this size: small enough never to be a "humongous" object for the GC. */
    private static final int CHUNK = 32 * 1024;
    private final List<String> full = new ArrayList<>();
    private StringBuilder csv = new StringBuilder(CHUNK + 4096);
    private boolean rowStarted;
    private int rows;

    public CopyRows text(String value) {
        separate();
        if (value != null) { // an empty unquoted field is NULL; a quoted one is a string, "" escaping a quote
            csv.append('"');
            int from = 0;
            for (int quote = value.indexOf('"'); quote >= 0; quote = value.indexOf('"', from)) {
                csv.append(value, from, quote + 1).append('"');
                from = quote + 1;
            }
            csv.append(value, from, value.length()).append('"');
        }
        return this;
    }

    public CopyRows number(long value) {
        separate();
        csv.append(value);
        return this;
    }

    public CopyRows timestamp(Instant value) {
        return value == null ? text(null) : raw(value.toString()); // ISO-8601 in UTC: read as timestamptz
    }

    public CopyRows date(LocalDate value) {
        return value == null ? text(null) : raw(value.toString());
    }

    public CopyRows uuid(UUID value) {
        return value == null ? text(null) : raw(value.toString());
    }

    public CopyRows endRow() {
        csv.append('\n');
        rowStarted = false;
        rows++;
        if (csv.length() >= CHUNK) {
            full.add(csv.toString());
            csv = new StringBuilder(CHUNK + 4096);
        }
        return this;
    }

    public int rows() {
        return rows;
    }

    /** Copies the rows into {@code table (columns)} in the connection's transaction; returns the rows written. */
    public long copyInto(Connection connection, String table, String columns) throws SQLException {
        if (rows == 0) {
            return 0;
        }
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy " + table + " (" + columns + ") from stdin (format csv)");
        try {
            for (String chunk : full) {
                write(copy, chunk);
            }
            write(copy, csv.toString());
            return copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static void write(CopyIn copy, String chunk) throws SQLException {
        byte[] bytes = chunk.getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
    }

    private CopyRows raw(String value) {
        separate();
        csv.append(value);
        return this;
    }

    private void separate() {
        if (rowStarted) {
            csv.append(',');
        }
        rowStarted = true;
    }
}
