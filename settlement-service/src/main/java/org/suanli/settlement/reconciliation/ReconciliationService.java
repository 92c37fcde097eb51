package org.suanli.settlement.reconciliation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.suanli.kernel.jdbc.Timestamps;
import org.suanli.kernel.problem.ProblemException;
import org.suanli.settlement.client.VoucherReads;
import org.suanli.settlement.metrics.SettlementMetrics;
import org.suanli.settlement.ledger.JournalEntry;

import java.time.Instant;

import java.util.ArrayList;
import java.util.List;

/**
 * Feeds the {@link Reconciler}: the ledger's voucher amounts per order (completion plus corrections) for a
 * program year, optionally only the orders contracted in one month, against
 * voucher-service's redemptions for the same year and month, read with the caller's token.
 */
@ApplicationScoped
public class ReconciliationService {

    @Inject
    EntityManager em;

    @Inject
    VoucherReads vouchers;

    @Inject
    SettlementMetrics metrics;

    /** A reconciliation with what finance acknowledged of it. */
    public record Closed(Reconciliation reconciliation, Closing closing) {
    }

    public Closed reconcileAndClose(int year, Integer month, String bearer) {
        Reconciliation r = reconcile(year, month, bearer);
        return new Closed(r, Closing.of(r, acknowledgements(year)));
    }

    /** For the dashboard: the year's reconciliation in a line, or why it cannot be had now. */
    public org.suanli.settlement.dashboard.DashboardView.ReconciliationStatus statusOf(int year, String bearer) {
        try {
            Closed c = reconcileAndClose(year, null, bearer);
            return new org.suanli.settlement.dashboard.DashboardView.ReconciliationStatus(c.closing().status(),
                    c.closing().clean(), c.reconciliation().matched(), c.reconciliation().differences().size(),
                    c.closing().acknowledged().size());
        } catch (ProblemException unavailable) {
            return new org.suanli.settlement.dashboard.DashboardView.ReconciliationStatus(
                    "unavailable: " + unavailable.getMessage(), null, null, null, null);
        }
    }

    /** Every acknowledgement of the program year, oldest first. */
    @SuppressWarnings("unchecked")
    public List<Closing.Acknowledgement> acknowledgements(int year) {
        List<Object[]> rows = em.createNativeQuery("""
                        select a.id, a.order_id, a.program_year, a.status, a.suanli_difference_fen, a.zhineng_difference_fen,
                               a.explained_by_entry_id, e.kind, a.reason, a.acknowledged_by, a.acknowledged_at
                          from reconciliation_ack a join journal_entry e on e.id = a.explained_by_entry_id
                         where a.program_year = ?1 order by a.id""")
                .setParameter(1, year).getResultList();
        List<Closing.Acknowledgement> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(new Closing.Acknowledgement(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).intValue(),
                    (String) r[3], ((Number) r[4]).longValue(), ((Number) r[5]).longValue(), ((Number) r[6]).longValue(),
                    (String) r[7], (String) r[8], (String) r[9], Timestamps.instant(r[10])));
        }
        return out;
    }

    /**
     * Finance acknowledges the difference an order shows now (ledger against voucher-service, over its program
     * year), explained by a correction or clawback entry of that order. Refused (422) when the entry is not one of
     * the order's corrections or clawbacks, or the order shows no difference; 409 when already acknowledged.
     */
    @Transactional
    public Closing.Acknowledgement acknowledge(String orderId, long entryId, String reason, String actor, String bearer) {
        JournalEntry e = em.find(JournalEntry.class, entryId);
        if (e == null || !e.orderId.equals(orderId)) {
            throw ProblemException.unprocessable("acknowledgement-entry-unknown", "journal entry " + entryId
                    + " is not an entry of order " + orderId + ": name the correction or clawback that explains it");
        }
        if (e.kind == JournalEntry.Kind.ORDER_COMPLETED) {
            throw ProblemException.unprocessable("acknowledgement-entry-not-a-correction", "journal entry " + entryId
                    + " is order " + orderId + "'s completion; a difference is explained by a correction or a clawback");
        }
        Reconciliation one = Reconciler.reconcile(ledgerSideOf(orderId), vouchers.redemptions(e.programYear, null, bearer)
                .stream().filter(v -> v.orderId().equals(orderId)).toList());
        if (!one.duplicatedInVoucher().isEmpty()) {
            throw ProblemException.unprocessable("acknowledgement-duplicate", "voucher-service lists order " + orderId
                    + " more than once: a duplicate claim is a fault to fix, not a difference to acknowledge");
        }
        List<Reconciliation.Difference> ds = one.differences();
        if (ds.isEmpty()) {
            throw ProblemException.unprocessable("nothing-to-acknowledge", "order " + orderId
                    + " matches voucher-service to the fen: there is no difference to acknowledge");
        }
        Reconciliation.Difference d = ds.get(0);
        for (Closing.Acknowledgement a : acknowledgements(e.programYear)) {
            if (a.difference().equals(d)) {
                throw ProblemException.conflict("already-acknowledged", "this difference of order " + orderId
                        + " was acknowledged already (acknowledgement " + a.id() + " by " + a.acknowledgedBy() + ")");
            }
        }
        Object[] r = (Object[]) em.createNativeQuery("""
                        insert into reconciliation_ack (order_id, program_year, status, suanli_difference_fen,
                                                        zhineng_difference_fen, explained_by_entry_id, reason, acknowledged_by)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) returning id, acknowledged_at""")
                .setParameter(1, orderId).setParameter(2, e.programYear).setParameter(3, d.status())
                .setParameter(4, d.suanliDifferenceFen()).setParameter(5, d.zhinengDifferenceFen()).setParameter(6, entryId)
                .setParameter(7, reason).setParameter(8, actor).getSingleResult();
        return new Closing.Acknowledgement(((Number) r[0]).longValue(), orderId, e.programYear, d.status(),
                d.suanliDifferenceFen(), d.zhinengDifferenceFen(), entryId, e.kind.name(), reason, actor, Timestamps.instant(r[1]));
    }

    @SuppressWarnings("unchecked")
    private List<VoucherAmounts> ledgerSideOf(String orderId) {
        List<Object[]> rows = em.createNativeQuery("select order_id, sum(suanli_fen), sum(zhineng_fen) from journal_entry "
                + "where order_id = ?1 and " + JournalEntry.WHAT_ORDERS_MOVED + " group by order_id").setParameter(1, orderId).getResultList();
        return rows.stream().map(r -> new VoucherAmounts((String) r[0], ((Number) r[1]).longValue(),
                ((Number) r[2]).longValue())).toList();
    }

    public Reconciliation reconcile(int year, Integer month, String bearer) {
        List<VoucherAmounts> voucherSide = vouchers.redemptions(year, month, bearer);
        Reconciliation r = Reconciler.reconcile(ledgerSide(year, month), voucherSide);
        metrics.reconciled(r);
        return r;
    }

    @SuppressWarnings("unchecked")
    List<VoucherAmounts> ledgerSide(int year, Integer month) {
        // Both sides take the period by contract date (program year = its calendar year), as voucher-service
        // does: an order delivered just after a month's end still reconciles in its contract's month.
        String sql = "select order_id, sum(suanli_fen), sum(zhineng_fen) from journal_entry where program_year = ?1 and "
                + JournalEntry.WHAT_ORDERS_MOVED + (month == null ? "" : " and extract(month from contract_date) = ?2") + " group by order_id";
        var q = em.createNativeQuery(sql).setParameter(1, year);
        if (month != null) {
            q.setParameter(2, month);
        }
        List<Object[]> rows = q.getResultList();
        List<VoucherAmounts> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(new VoucherAmounts((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue()));
        }
        return out;
    }
}
