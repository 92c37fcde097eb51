package org.suanli.kernel.logging;

import org.jboss.logging.MDC;

/**
 * The ids an operator greps a log for, as MDC fields: they appear as fields of every JSON log line and in the
 * plain-text format ({@code quarkus.log.console.format}). {@code traceId} and {@code spanId} come from the
 * OpenTelemetry extension. Ids only: never a token, a name or an amount.
 */
public final class LogFields {

    public static final String ORDER_ID = "orderId";
    public static final String BUYER_ID = "buyerId";
    public static final String PARTNER_ID = "partnerId";

    private LogFields() {
    }

    /** Sets a field (null removes it) and returns what it was, for {@link #restore}. */
    public static Object put(String key, String value) {
        Object before = MDC.get(key);
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
        return before;
    }

    public static void restore(String key, Object before) {
        if (before == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, before);
        }
    }
}
