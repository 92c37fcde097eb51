package org.suanli.voucher;

import org.suanli.kernel.problem.ProblemException;

/**
 * A rule's "no" as a value: domain code returns it and changes nothing; the use case turns it into the
 * problem+json answer ({@link #problem()}) before anything is written.
 */
public record Refusal(Kind kind, String slug, String message) {

    public enum Kind { INVALID, FORBIDDEN, CONFLICT, RULE }

    public static Refusal invalid(String message) {
        return new Refusal(Kind.INVALID, "invalid-request", message);
    }

    public static Refusal forbidden(String slug, String message) {
        return new Refusal(Kind.FORBIDDEN, slug, message);
    }

    public static Refusal conflict(String slug, String message) {
        return new Refusal(Kind.CONFLICT, slug, message);
    }

    public static Refusal rule(String slug, String message) {
        return new Refusal(Kind.RULE, slug, message);
    }

    public ProblemException problem() {
        return switch (kind) {
            case INVALID -> ProblemException.badRequest(message);
            case FORBIDDEN -> new ProblemException(403, slug, "Not allowed", message);
            case CONFLICT -> ProblemException.conflict(slug, message);
            case RULE -> ProblemException.unprocessable(slug, message);
        };
    }
}
