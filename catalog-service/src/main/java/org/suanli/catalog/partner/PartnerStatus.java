package org.suanli.catalog.partner;

import org.suanli.kernel.problem.ProblemException;

/**
 * Where a compute partner stands with the bureau. Only an APPROVED partner (市级算力伙伴) is on the
 * shelf and earns vouchers for its buyers.
 */
public enum PartnerStatus {
    PENDING, APPROVED, REJECTED, SUSPENDED;

    /** What may happen to a partner. */
    public enum Action { APPLY, APPROVE, REJECT, SUSPEND, REINSTATE }

    /**
     * The status after {@code action} from {@code from} ({@code null}: never applied), or a 409 problem
     * saying why the action does not fit the partner's current status. Pure: no persistence here.
     */
    public static PartnerStatus after(PartnerStatus from, Action action) {
        PartnerStatus to = switch (action) {
            case APPLY -> from == null || from == PENDING || from == REJECTED ? PENDING : null;
            case APPROVE -> from == PENDING ? APPROVED : null;
            case REJECT -> from == PENDING ? REJECTED : null;
            case SUSPEND -> from == APPROVED ? SUSPENDED : null;
            case REINSTATE -> from == SUSPENDED ? APPROVED : null;
        };
        if (to == null) {
            String state = from == null ? "has not applied" : "is " + from;
            String hint = switch (action) {
                case APPLY -> "an approved or suspended partner cannot apply again";
                case APPROVE, REJECT -> "only a PENDING application can be approved or rejected";
                case SUSPEND -> "only an APPROVED partner can be suspended";
                case REINSTATE -> "only a SUSPENDED partner can be reinstated";
            };
            throw ProblemException.conflict("partner-status-conflict",
                    "cannot " + action.name().toLowerCase() + ": the partner " + state + "; " + hint);
        }
        return to;
    }
}
