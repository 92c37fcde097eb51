package org.suanli.kernel.jdbc;

import org.postgresql.PGConnection;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Rows for PostgreSQL's {@code COPY ... FROM STDIN} (CSV): the cheapest way to write thousands of rows
 * in one transaction, which is what the hot paths (a batch of holds, their ledger lines and outgoing
 * events) do. Build the rows field by field, then {@link #copyInto} the table.
 */
public final class CopyRows {

    private final StringBuilder csv = new StringBuilder(256 * 1024);
    private boolean rowStarted;
    private int rows;

    public CopyRows text(String value) {
        separate();
        if (value != null) { // an empty unquoted field is NULL; a quoted one is a string, "" escaping a quote
            csv.append('"');
            for (int i = 0; i < value.length(); i++) {
                char ch = value.charAt(i);
                if (ch == '"') {
                    csv.append('"');
                }
                csv.append(ch);
            }
            csv.append('"');
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
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + table + " (" + columns + ") from stdin (format csv)", new StringReader(csv.toString()));
        } catch (java.io.IOException e) {
            throw new SQLException("copy into " + table + " failed", e);
        }
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
