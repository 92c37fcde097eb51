package org.suanli.order.order;

import org.suanli.kernel.problem.ProblemException;
import org.suanli.kernel.security.Caller;

/** Whose orders a caller may see: a buyer its own, a partner those on its offerings, admin and finance all. */
public record Viewer(Kind kind, String id) {

    public enum Kind { ALL, BUYER, PARTNER }

    public static Viewer of(Caller caller) {
        if (caller.isOfficial()) {
            return new Viewer(Kind.ALL, null);
        }
        if (caller.is(Caller.PARTNER)) {
            return new Viewer(Kind.PARTNER, caller.partnerId());
        }
        if (caller.is(Caller.SME)) {
            return new Viewer(Kind.BUYER, caller.enterpriseId());
        }
        throw ProblemException.forbidden("your role does not allow reading orders");
    }

    public boolean sees(Order o) {
        return switch (kind) {
            case ALL -> true;
            case BUYER -> o.buyerId.equals(id);
            case PARTNER -> o.partnerId.equals(id);
        };
    }
}
