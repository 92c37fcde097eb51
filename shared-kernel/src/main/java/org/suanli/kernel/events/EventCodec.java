package org.suanli.kernel.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reads and writes envelopes and their payloads. Reading is tolerant of fields it does not know (unlike
 * the REST edge): a producer may add a field to a payload without breaking any consumer.
 */
@ApplicationScoped
public class EventCodec {

    private final ObjectMapper mapper;

    @Inject
    public EventCodec(ObjectMapper applicationMapper) {
        // Lenient: the request contract's text and date rules judge what clients send, not what services wrote.
        this.mapper = org.suanli.kernel.json.StrictJson.lenient(applicationMapper)
                .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    public EventEnvelope read(String json) {
        try {
            return mapper.readValue(json, EventEnvelope.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an event envelope: " + e.getOriginalMessage(), e);
        }
    }

    public <T> T payload(EventEnvelope envelope, Class<T> type) {
        try {
            return mapper.treeToValue(envelope.payload(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + envelope.id() + " of type " + envelope.type()
                    + " has an unreadable payload: " + e.getOriginalMessage(), e);
        }
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    public ObjectMapper mapper() {
        return mapper;
    }
}
