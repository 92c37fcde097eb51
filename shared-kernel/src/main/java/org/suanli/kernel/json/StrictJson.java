package org.suanli.kernel.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.suanli.kernel.time.Years;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The strict JSON contract of every service's request bodies, in one place: a member may appear once, nothing
 * may follow the document, no value changes type on the way in (a number is never read as text nor text as a
 * number: money and hours are strings, counts are numbers), text holds no NUL, lone surrogate or control
 * character ({@link TextRules}), and dates are written as ISO text within {@link Years}. Unknown fields are
 * refused too ({@code quarkus.jackson.fail-on-unknown-properties}).
 *
 * <p>Kafka events are read with {@link #lenient(ObjectMapper)}: a consumer must not refuse what a producer wrote.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Deserialization attribute that switches the text and date rules off (events, not requests). */
    public static final String LENIENT = "suanli.json.lenient";

    private static final LogicalType[] SCALARS = {LogicalType.Textual, LogicalType.Integer, LogicalType.Float,
            LogicalType.Boolean, LogicalType.Enum, LogicalType.DateTime};
    private static final Set<Class<?>> TEMPORALS = Set.of(LocalDate.class, Instant.class, OffsetDateTime.class,
            ZonedDateTime.class, LocalDateTime.class);

    @Override
    public void customize(ObjectMapper mapper) {
        strict(mapper);
    }

    public static ObjectMapper strict(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        SimpleModule module = new SimpleModule("suanli-strict-json");
        module.addDeserializer(String.class, new CheckedText(false));
        module.addDeserializer(JsonNode.class, new CheckedTree());
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription desc,
                                                          JsonDeserializer<?> deserializer) {
                return TEMPORALS.contains(desc.getBeanClass()) ? new PlausibleDate(deserializer) : deserializer;
            }
        });
        mapper.registerModule(module);
        return mapper;
    }

    /** A copy that reads what our own services wrote as the plain mapper would: types may widen, any text passes. */
    public static ObjectMapper lenient(ObjectMapper strict) {
        ObjectMapper m = strict.copy();
        m.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        m.disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        m.enable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        for (LogicalType t : SCALARS) {
            for (CoercionInputShape s : CoercionInputShape.values()) {
                m.coercionConfigFor(t).setCoercion(s, CoercionAction.TryConvert);
            }
        }
        m.setConfig(m.getDeserializationConfig().withAttribute(LENIENT, Boolean.TRUE));
        return m;
    }

    static boolean lenient(DeserializationContext ctxt) {
        return Boolean.TRUE.equals(ctxt.getAttribute(LENIENT));
    }

    /** Text as the standard reader reads it (with its coercion checks), then held to {@link TextRules}. */
    static final class CheckedText extends StdDeserializer<String> implements ContextualDeserializer {

        private final boolean freeText;

        CheckedText(boolean freeText) {
            super(String.class);
            this.freeText = freeText;
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String s = StringDeserializer.instance.deserialize(p, ctxt);
            String problem = lenient(ctxt) ? null : TextRules.problem(s, freeText);
            if (problem != null) {
                throw new BadValue(p, problem, String.class);
            }
            return s;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            boolean free = property != null && property.getAnnotation(FreeText.class) != null;
            return free == freeText ? this : new CheckedText(free);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }

    /** A free-form JSON tree (policy parameters): every text and member name in it held to the one-line rule. */
    static final class CheckedTree extends StdDeserializer<JsonNode> {

        CheckedTree() {
            super(JsonNode.class);
        }

        @Override
        public JsonNode deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode tree = JsonNodeDeserializer.getDeserializer(JsonNode.class).deserialize(p, ctxt);
            if (!lenient(ctxt)) {
                String problem = check(tree, "");
                if (problem != null) {
                    throw new BadValue(p, problem, JsonNode.class);
                }
            }
            return tree;
        }

        @Override
        public JsonNode getNullValue(DeserializationContext ctxt) {
            return null;
        }

        private static String check(JsonNode n, String at) {
            if (n.isTextual()) {
                String problem = TextRules.problem(n.textValue(), false);
                return problem == null ? null : (at.isEmpty() ? "" : "at '" + at + "' ") + problem;
            }
            if (n.isArray()) {
                for (int i = 0; i < n.size(); i++) {
                    String problem = check(n.get(i), at + "[" + i + "]");
                    if (problem != null) {
                        return problem;
                    }
                }
            } else if (n.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String name = TextRules.problem(e.getKey(), false);
                    if (name != null) {
                        return "has a member name that " + name;
                    }
                    String problem = check(e.getValue(), at.isEmpty() ? e.getKey() : at + "." + e.getKey());
                    if (problem != null) {
                        return problem;
                    }
                }
            }
            return null;
        }
    }

    /** Dates and times: ISO text only (no epoch numbers or arrays), in a year the marketplace accepts. */
    static final class PlausibleDate extends DelegatingDeserializer {

        PlausibleDate(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new PlausibleDate(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (lenient(ctxt)) {
                return super.deserialize(p, ctxt);
            }
            Class<?> type = handledType();
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw new BadValue(p, "must be " + JsonWords.of(type), type);
            }
            Object value = super.deserialize(p, ctxt);
            int year = yearOf(value);
            if (!Years.plausible(year)) {
                throw new BadValue(p, "'" + p.getText() + "': " + Years.outOfRange(year), type);
            }
            return value;
        }

        private static int yearOf(Object value) {
            if (value instanceof LocalDate d) {
                return d.getYear();
            }
            if (value instanceof Instant i) {
                return i.atZone(ZoneOffset.UTC).getYear();
            }
            if (value instanceof OffsetDateTime o) {
                return o.getYear();
            }
            if (value instanceof ZonedDateTime z) {
                return z.getYear();
            }
            if (value instanceof LocalDateTime l) {
                return l.getYear();
            }
            return Years.FIRST;
        }
    }
}
