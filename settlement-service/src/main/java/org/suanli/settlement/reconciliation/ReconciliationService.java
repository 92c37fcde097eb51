package org.suanli.settlement.reconciliation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.suanli.settlement.client.VoucherReads;
import org.suanli.settlement.metrics.SettlementMetrics;

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
        String sql = "select order_id, sum(suanli_fen), sum(zhineng_fen) from journal_entry where program_year = ?1"
                + (month == null ? "" : " and extract(month from contract_date) = ?2") + " group by order_id";
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
