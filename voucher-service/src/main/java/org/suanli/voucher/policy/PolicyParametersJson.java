package org.suanli.voucher.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.suanli.kernel.problem.ProblemMappers;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads and writes {@link PolicyParameters} as stored in {@code policy_version.parameters}. Stricter than
 * an application-wide mapper on purpose: a misspelt key or a missing member is refused, because either
 * would otherwise quietly mean "no cap" or "no rule" for public money.
 */
public final class PolicyParametersJson {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    /**
     * Members added after versions were already stored, with the meaning the rules gave them before they
     * existed. Only these may be left out (HZ-2023 and HZ-2025 were written before them); every other member
     * must still be written out.
     */
    private static final java.util.List<AddedLater> ADDED_LATER = java.util.List.of(
            new AddedLater(null, "contract", com.fasterxml.jackson.databind.node.NullNode.getInstance()),
            new AddedLater("suanli", "capRaisableForFoundationModels", com.fasterxml.jackson.databind.node.BooleanNode.TRUE));

    private record AddedLater(String parent, String member, com.fasterxml.jackson.databind.JsonNode before) {
    }

    private PolicyParametersJson() {
    }

    /** Throws {@link IllegalArgumentException} naming what is wrong. */
    public static PolicyParameters read(String json) {
        try {
            com.fasterxml.jackson.databind.JsonNode tree = STRICT.readTree(json);
            if (tree == null || !tree.isObject()) {
                throw new IllegalArgumentException("policy parameters are not valid: they must be one JSON object");
            }
            for (AddedLater added : ADDED_LATER) {
                com.fasterxml.jackson.databind.JsonNode parent = added.parent() == null ? tree : tree.get(added.parent());
                if (parent instanceof com.fasterxml.jackson.databind.node.ObjectNode o && !o.has(added.member())) {
                    o.set(added.member(), added.before());
                }
            }
            return STRICT.treeToValue(tree, PolicyParameters.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("policy parameters are not valid: " + inWords(e), e);
        }
    }

    /** What is wrong, said for the admin who wrote the parameters in the kernel's words, not Jackson's. */
    private static String inWords(JsonProcessingException e) {
        return ProblemMappers.inWords(e);
    }

    public static String write(PolicyParameters parameters) {
        try {
            return STRICT.writeValueAsString(parameters);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("policy parameters cannot be written", e);
        }
    }
}
