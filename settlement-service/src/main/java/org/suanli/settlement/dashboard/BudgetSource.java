package org.suanli.settlement.dashboard;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.suanli.kernel.jdbc.Timestamps;
import org.suanli.kernel.problem.ProblemException;
import org.suanli.settlement.client.VoucherReads;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Program budgets for the burn-down. The vouchers topic carries holds and redemptions but not the budgets, so
 * they are read from voucher-service ({@code GET /api/budgets?year=}) with the finance user's own token, and the
 * answer is kept in {@code program_budget_snapshot}: when voucher-service is down the dashboard shows the last
 * figures it gave, with their date.
 */
@ApplicationScoped
public class BudgetSource {

    private static final Logger LOG = Logger.getLogger(BudgetSource.class);

    @Inject
    VoucherReads vouchers;

    @Inject
    EntityManager em;

    public record Budgets(Map<String, Long> budgetFen, String source, Instant asOf) {
    }

    public Budgets forYear(int year, String bearer) {
        try {
            List<VoucherReads.BudgetFigures> fresh = vouchers.budgets(year, bearer);
            Instant now = Instant.now();
            Map<String, Long> out = new HashMap<>();
            QuarkusTransaction.requiringNew().run(() -> {
                for (VoucherReads.BudgetFigures b : fresh) {
                    if (b.year() != year || !("SUANLI".equals(b.program()) || "ZHINENG".equals(b.program()))) {
                        continue;
                    }
                    em.createNativeQuery("""
                                    insert into program_budget_snapshot (program, program_year, budget_fen, held_fen, redeemed_fen, fetched_at)
                                    values (?1, ?2, ?3, ?4, ?5, ?6)
                                    on conflict (program, program_year) do update set budget_fen = excluded.budget_fen,
                                        held_fen = excluded.held_fen, redeemed_fen = excluded.redeemed_fen,
                                        fetched_at = excluded.fetched_at""")
                            .setParameter(1, b.program()).setParameter(2, year).setParameter(3, b.budgetFen())
                            .setParameter(4, b.heldFen()).setParameter(5, b.redeemedFen()).setParameter(6, now)
                            .executeUpdate();
                    out.put(b.program(), b.budgetFen());
                }
            });
            return new Budgets(out, "voucher-service", now);
        } catch (ProblemException e) {
            LOG.warnf("budgets for %d from the cache: %s", year, e.getMessage());
            return cached(year);
        }
    }

    @SuppressWarnings("unchecked")
    Budgets cached(int year) {
        List<Object[]> rows = em.createNativeQuery(
                        "select program, budget_fen, fetched_at from program_budget_snapshot where program_year = ?1")
                .setParameter(1, year).getResultList();
        if (rows.isEmpty()) {
            return new Budgets(Map.of(), "unknown (voucher-service unreachable, nothing cached)", null);
        }
        Map<String, Long> out = new HashMap<>();
        Instant asOf = null;
        for (Object[] r : rows) {
            out.put((String) r[0], ((Number) r[1]).longValue());
            Instant at = Timestamps.instant(r[2]);
            asOf = asOf == null || at.isBefore(asOf) ? at : asOf;
        }
        return new Budgets(out, "cached (voucher-service unreachable)", asOf);
    }
}
