package org.suanli.kernel.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import org.suanli.kernel.logging.LogFields;

/**
 * Names the order, buyer or partner a request or event is about, in the log lines that follow (MDC) and on
 * the current span (so a trace can be found by order id). Ids only.
 */
public final class Correlation {

    public static final AttributeKey<String> ORDER_ID = AttributeKey.stringKey("suanli.order_id");
    public static final AttributeKey<String> BUYER_ID = AttributeKey.stringKey("suanli.buyer_id");
    public static final AttributeKey<String> PARTNER_ID = AttributeKey.stringKey("suanli.partner_id");

    private Correlation() {
    }

    public static void order(String orderId) {
        mark(LogFields.ORDER_ID, ORDER_ID, orderId);
    }

    public static void buyer(String buyerId) {
        mark(LogFields.BUYER_ID, BUYER_ID, buyerId);
    }

    public static void partner(String partnerId) {
        mark(LogFields.PARTNER_ID, PARTNER_ID, partnerId);
    }

    private static void mark(String field, AttributeKey<String> attribute, String id) {
        if (id == null) {
            return;
        }
        LogFields.put(field, id);
        Span.current().setAttribute(attribute, id);
    }
}
