package org.suanli.order.flow;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.suanli.kernel.events.EventCodec;
import org.suanli.kernel.events.EventEnvelope;

/**
 * Reads event payloads tolerantly: a producer that adds a field to its contract (allowed: CONVENTIONS.md)
 * must not stop this consumer. The REST edge stays strict; events are read like a neighbour's letter.
 */
@ApplicationScoped
public class Payloads {

    @Inject
    EventCodec codec;

    private volatile ObjectMapper lenient;

    public <T> T read(EventEnvelope e, Class<T> type) {
        try {
            return mapper().treeToValue(e.payload(), type);
        } catch (Exception ex) {
            throw new IllegalArgumentException("event " + e.id() + " of type " + e.type()
                    + " has an unreadable payload: " + ex.getMessage(), ex);
        }
    }

    private ObjectMapper mapper() {
        if (lenient == null) {
            lenient = codec.mapper().copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        }
        return lenient;
    }
}
