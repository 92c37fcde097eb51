package org.suanli.settlement.reconciliation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.suanli.settlement.batch.Periods;
import org.suanli.settlement.client.VoucherReads;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Feeds the {@link Reconciler}: the ledger's voucher amounts per order (completion plus corrections) for a
 * program year, optionally only the orders that completed in one month (Asia/Shanghai), against
 * voucher-service's redemptions for the same year and month, read with the caller's token.
 */
@ApplicationScoped
public class ReconciliationService {

    @Inject
    EntityManager em;

    @Inject
    VoucherReads vouchers;

    public Reconciliation reconcile(int year, Integer month, String bearer) {
        List<VoucherAmounts> voucherSide = vouchers.redemptions(year, month, bearer);
        return Reconciler.reconcile(ledgerSide(year, month), voucherSide);
    }

    @SuppressWarnings("unchecked")
    List<VoucherAmounts> ledgerSide(int year, Integer month) {
        String sql = "select order_id, sum(suanli_fen), sum(zhineng_fen) from journal_entry where program_year = ?1"
                + (month == null ? "" : " and completed_month = ?2") + " group by order_id";
        var q = em.createNativeQuery(sql).setParameter(1, year);
        if (month != null) {
            q.setParameter(2, Periods.format(YearMonth.of(year, month)));
        }
        List<Object[]> rows = q.getResultList();
        List<VoucherAmounts> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(new VoucherAmounts((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue()));
        }
        return out;
    }
}
