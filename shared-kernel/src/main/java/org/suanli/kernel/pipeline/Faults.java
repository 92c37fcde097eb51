package org.suanli.kernel.pipeline;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Tells a passing infrastructure fault (retry the same events in place, however long it takes) from a
 * poison event (the same input will fail again: retry a few times, then park it).
 */
public final class Faults {

    private Faults() {
    }

    /** An unreadable JSON document is an IOException to Jackson, but a poison event to us. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLTransientException || c instanceof SQLRecoverableException
                    || c instanceof SQLNonTransientConnectionException
                    || (c instanceof IOException && !(c instanceof com.fasterxml.jackson.core.JacksonException))) {
                return true;
            }
            if (c instanceof SQLException sql && transientState(sql.getSQLState())) {
                return true;
            }
            if (c instanceof org.apache.kafka.common.errors.RetriableException
                    || c instanceof org.apache.kafka.common.errors.TimeoutException
                    || c instanceof org.apache.kafka.common.errors.DisconnectException) {
                return true;
            }
            String name = c.getClass().getName();
            // Hibernate's wrappers for a lost connection, a lock timeout, a deadlock
            if (name.equals("org.hibernate.exception.JDBCConnectionException")
                    || name.equals("org.hibernate.exception.LockAcquisitionException")
                    || name.equals("org.hibernate.PessimisticLockException")
                    || name.equals("jakarta.persistence.PessimisticLockException")
                    || name.equals("jakarta.persistence.LockTimeoutException")) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE classes of a database that is away or busy: 08 connection, 53 resources, 57P operator
     * intervention (shutdown, restart), 58 system error, 40001 serialisation failure, 40P01 deadlock; and no
     * state at all, which is what the connection pool says when it cannot get a connection in time.
     */
    static boolean transientState(String state) {
        return state == null || state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")
                || state.startsWith("58") || state.equals("40001") || state.equals("40P01") || state.equals("55P03");
    }
}
