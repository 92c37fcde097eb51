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
            .build();

    private PolicyParametersJson() {
    }

    /** Throws {@link IllegalArgumentException} naming what is wrong. */
    public static PolicyParameters read(String json) {
        try {
            return STRICT.readValue(json, PolicyParameters.class);
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
