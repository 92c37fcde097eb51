package org.suanli.voucher.clawback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.suanli.kernel.events.Topics;
import org.suanli.kernel.events.contract.VoucherEvents;
import org.suanli.kernel.money.Money;
import org.suanli.kernel.outbox.Outbox;
import org.suanli.kernel.problem.ProblemException;
import org.suanli.voucher.audit.AuditTrail;
import org.suanli.voucher.budget.EnterpriseYears;
import org.suanli.voucher.budget.ProgramBudgets;
import org.suanli.voucher.hold.BudgetMovement;
import org.suanli.voucher.hold.HoldService;
import org.suanli.voucher.hold.SubsidyHold;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Clawback (追回), the use case: under the hold's locks, a replay of the same key is answered with what it
 * did; otherwise {@link ClawbackRule} decides and the redemption is reversed by that much — the program
 * year's redeemed down and recovered up, the buyer's 算力券 cap usage down — with a CLAWBACK ledger line,
 * an audit entry and SubsidyClawedBack, all in one transaction.
 */
@ApplicationScoped
public class ClawbackService {

    /** The clawback as it stands and whether this call made it (false: a replay, nothing changed). */
    public record Outcome(SubsidyClawback clawback, SubsidyHold hold, boolean created) {
    }

    @Inject
    EntityManager em;

    @Inject
    HoldService holds;

    @Inject
    ProgramBudgets budgets;

    @Inject
    EnterpriseYears enterprises;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Transactional
    public Outcome clawBack(String orderId, String key, long suanliFen, long zhinengFen, String reason,
                            String evidenceRef, String by) {
        // Locked first: a concurrent request with the same key waits here, then finds the first one's row.
        HoldService.Locked l = holds.lock(orderId);
        SubsidyHold h = l.hold();
        SubsidyClawback earlier = em.find(SubsidyClawback.class, key);
        if (earlier != null) {
            if (!earlier.sameRequest(orderId, suanliFen, zhinengFen, evidenceRef)) {
                throw ProblemException.conflict("idempotency-key-reused", "clawback '" + key + "' was already made on order "
                        + earlier.orderId + " with other figures; use a new key for a new clawback");
            }
            return new Outcome(earlier, h, false);
        }
        ClawbackRule.check(h, suanliFen, zhinengFen).ifPresent(r -> {
            throw r.problem();
        });
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        l.suanli().clawBack(suanliFen);
        l.zhineng().clawBack(zhinengFen);
        if (l.enterprise() != null) {
            l.enterprise().clawBack(suanliFen);
        }
        h.suanliRecoveredFen += suanliFen;
        h.zhinengRecoveredFen += zhinengFen;
        h.updatedAt = now;
        l.write(budgets, enterprises);
        holds.movements(h, BudgetMovement.Kind.CLAWBACK, suanliFen, zhinengFen, now);

        SubsidyClawback c = new SubsidyClawback();
        c.id = key;
        c.orderId = orderId;
        c.suanliFen = suanliFen;
        c.zhinengFen = zhinengFen;
        c.reason = reason.trim();
        c.evidenceRef = evidenceRef.trim();
        c.by = by;
        c.at = now;
        em.persist(c);
        audit.record(by, "SUBSIDY_CLAWED_BACK", "order:" + orderId, c.reason, "算力券 " + Money.format(suanliFen)
                + ", 智能券 " + Money.format(zhinengFen) + "; evidence " + c.evidenceRef + "; clawback " + key);
        outbox.record(Topics.VOUCHERS, VoucherEvents.CLAWED_BACK, orderId, orderId,
                new VoucherEvents.ClawedBack(orderId, h.buyerId, h.partnerId, h.programYear, suanliFen, zhinengFen,
                        c.reason, c.evidenceRef, by, now));
        return new Outcome(c, h, true);
    }

    public List<SubsidyClawback> of(String orderId) {
        return em.createQuery("from SubsidyClawback where orderId = :o order by at, id", SubsidyClawback.class)
                .setParameter("o", orderId).getResultList();
    }
}
