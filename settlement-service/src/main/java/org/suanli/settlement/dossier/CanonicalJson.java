package org.suanli.settlement.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * The canonical form a content hash is taken over: JSON with every object's keys sorted, no whitespace, instants as
 * ISO-8601 strings, UTF-8. Anyone holding the JSON can recompute the hash: sort keys, compact, SHA-256. Plain Java.
 */
public final class CanonicalJson {

    public static final String PREFIX = "sha256:";

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private CanonicalJson() {
    }

    /** The value as a JSON tree with its objects' keys sorted. */
    public static JsonNode tree(Object value) {
        return sorted(JSON.valueToTree(value));
    }

    public static String text(JsonNode node) {
        try {
            return JSON.writeValueAsString(sorted(node));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "sha256:" + the lower-case hex SHA-256 of the canonical text. */
    public static String hash(JsonNode node) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text(node).getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "sha256:…" or the bare 64 hex digits, any case → "sha256:" + lower-case hex; null if it is no such hash. */
    public static String normalise(String hash) {
        if (hash == null) {
            return null;
        }
        String h = hash.trim().toLowerCase(java.util.Locale.ROOT);
        if (h.startsWith(PREFIX)) {
            h = h.substring(PREFIX.length());
        }
        return h.matches("[0-9a-f]{64}") ? PREFIX + h : null;
    }

    private static JsonNode sorted(JsonNode n) {
        if (n.isObject()) {
            List<String> names = new ArrayList<>();
            n.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            ObjectNode out = JSON.createObjectNode();
            for (String name : names) {
                out.set(name, sorted(n.get(name)));
            }
            return out;
        }
        if (n.isArray()) {
            var out = JSON.createArrayNode();
            n.forEach(e -> out.add(sorted(e)));
            return out;
        }
        return n;
    }
}
