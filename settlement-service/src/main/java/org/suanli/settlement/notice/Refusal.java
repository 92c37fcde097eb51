package org.suanli.settlement.notice;

import org.suanli.kernel.problem.ProblemException;

/** A rule's "no" as a value: the rules return it and change nothing; the use case answers it as problem+json. */
public record Refusal(int status, String slug, String message) {

    public ProblemException problem() {
        return switch (status) {
            case 409 -> ProblemException.conflict(slug, message);
            default -> ProblemException.unprocessable(slug, message);
        };
    }
}
