package org.suanli.kernel.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A value in a request body that the contract refuses, with the reason in the caller's words; Jackson adds
 * the field's path on the way out and {@code ProblemMappers} renders "field 'x' …".
 */
public class BadValue extends MismatchedInputException {

    private final String problem;

    public BadValue(JsonParser p, String problem, Class<?> targetType) {
        super(p, problem, targetType);
        this.problem = problem;
    }

    /** What is wrong with the value, e.g. "contains a NUL character (\u0000) at position 3". */
    public String problem() {
        return problem;
    }
}
