package org.suanli.kernel.problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProblemTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void extensionMembersAreMembersOfTheProblemItself() throws Exception {
        // RFC 9457 §3.2: a client reads problem.currentETag, not problem.extensions.currentETag
        Problem p = new Problem(Problem.TYPE_BASE + "precondition-failed", "The resource has changed", 412,
                "If-Match \"a\" does not match", "/api/batches/7", Map.of("currentETag", "\"b\"", "field", "amount"));
        JsonNode json = JSON.readTree(JSON.writeValueAsString(p));
        assertEquals("\"b\"", json.path("currentETag").asText());
        assertEquals("amount", json.path("field").asText());
        assertEquals(412, json.path("status").asInt());
        assertFalse(json.has("extensions"), json::toString);
        assertFalse(json.has("members"), json::toString);
    }

    @Test
    void aProblemWithoutExtensionsHasOnlyTheStandardMembers() throws Exception {
        JsonNode json = JSON.readTree(JSON.writeValueAsString(
                new Problem(Problem.TYPE_BASE + "not-found", "Order not found", 404, "Order 'x' does not exist", null, null)));
        assertEquals(java.util.Set.of("type", "title", "status", "detail"), fields(json));
        assertTrue(json.path("type").asText().endsWith("/not-found"));
    }

    private static java.util.Set<String> fields(JsonNode n) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
