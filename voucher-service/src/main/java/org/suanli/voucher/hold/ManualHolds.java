package org.suanli.voucher.hold;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.suanli.kernel.money.Money;
import org.suanli.kernel.problem.ProblemException;
import org.suanli.voucher.audit.AuditTrail;

/** Holds an admin places by hand for off-platform contracts, and their release or voiding, audited. */
@ApplicationScoped
public class ManualHolds {

    @Inject
    HoldService holds;

    @Inject
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Transactional(dontRollbackOn = ProblemException.class)
    public HoldService.Outcome place(HoldCommand command, String by) {
        HoldService.Outcome o = holds.hold(command);
        if (o.created()) {
            em.createNativeQuery("update subsidy_hold set origin = 'MANUAL' where order_id = ?1")
                    .setParameter(1, command.orderId()).executeUpdate();
            o.hold().origin = SubsidyHold.Origin.MANUAL;
            audit.record(by, "HOLD_PLACED", "order:" + command.orderId(), "off-platform contract",
                    "算力券 " + Money.format(o.hold().suanliHeldFen) + ", 智能券 " + Money.format(o.hold().zhinengHeldFen)
                            + " held on " + Money.format(command.amountFen()));
        }
        return o;
    }

    /** Gives a manual hold back in full (RELEASED or VOIDED); the same end asked again changes nothing. */
    @Transactional
    public SubsidyHold end(String orderId, ManualHoldRule.End end, String reason, String by) {
        HoldService.Locked l = holds.lock(orderId);
        ManualHoldRule.Decision d = ManualHoldRule.decide(l.hold(), end, reason);
        if (d.refusal() != null) {
            throw d.refusal().problem();
        }
        if (!d.apply()) {
            return l.hold();
        }
        SubsidyHold h = holds.giveBack(l, end.status, end.code + ": " + reason.trim());
        audit.record(by, end == ManualHoldRule.End.VOID ? "HOLD_VOIDED" : "HOLD_RELEASED", "order:" + orderId, reason.trim(),
                "算力券 " + Money.format(h.suanliHeldFen) + ", 智能券 " + Money.format(h.zhinengHeldFen) + " given back");
        return h;
    }
}
