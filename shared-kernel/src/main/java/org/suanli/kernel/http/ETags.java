package org.suanli.kernel.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.suanli.kernel.idempotency.Idempotency;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * An entity tag is the hash of the representation (its JSON): any change a reader could see changes it, and no
 * version column is needed on any table. The JSON is normalised the way the database stores it (instants rounded to the
 * microsecond, decimals without trailing zeros), so the answer of a write and a later read of the same state
 * carry the same tag.
 */
@ApplicationScoped
public class ETags {

    @Inject
    ObjectMapper mapper;

    private ObjectMapper canonical;

    @PostConstruct
    void init() {
        SimpleModule asStored = new SimpleModule("etag-as-stored");
        asStored.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                // PostgreSQL rounds to the microsecond (it does not truncate)
                gen.writeString(value.plusNanos(500).truncatedTo(ChronoUnit.MICROS).toString());
            }
        });
        asStored.addSerializer(BigDecimal.class, new JsonSerializer<>() {
            @Override
            public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(value.stripTrailingZeros().toPlainString());
            }
        });
        canonical = mapper.copy().registerModule(asStored);
    }

    public String of(Object representation) {
        try {
            return "\"" + Idempotency.sha256(canonical.writeValueAsString(representation)).substring(0, 32) + "\"";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("representation not serialisable for its ETag", e);
        }
    }

    /** RFC 9110 §13.1.1: {@code *} matches any current representation; otherwise one of the listed tags must. */
    public static boolean matches(String header, String current) {
        if (current == null) {
            return false;
        }
        for (String tag : header.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || t.equals(current)) {
                return true;
            }
        }
        return false;
    }
}
