package org.suanli.settlement.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.suanli.kernel.money.Money;
import org.suanli.settlement.batch.Periods;
import org.suanli.settlement.ledger.Accounts;
import org.suanli.settlement.ledger.JournalEntry;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of the finance dashboard for a program year: the burn-down from the vouchers topic's time series
 * with the budgets of {@link BudgetSource}, the forecast of {@link BudgetForecast}, and the subsidy breakdowns
 * and top buyers from the ledger (completions plus corrections).
 */
@ApplicationScoped
public class DashboardService {

    /** The burn rate is measured over the last 30 days (or since the first movement). */
    static final int WINDOW_DAYS = 30;
    static final int TOP = 10;

    @Inject
    EntityManager em;

    @Inject
    BudgetSource budgets;

    @Inject
    org.suanli.settlement.reconciliation.ReconciliationService reconciliation;

    public DashboardView data(int year, String bearer) {
        BudgetSource.Budgets b = budgets.forYear(year, bearer);
        LocalDate today = LocalDate.now(Periods.SHANGHAI);
        List<DashboardView.ProgramView> programs = new ArrayList<>();
        for (String program : List.of(Accounts.SUANLI, Accounts.ZHINENG)) {
            Long budget = b.budgetFen().get(program);
            List<BurnDown.Point> series = BurnDown.series(movements(year, program), budget);
            BudgetForecast f = BudgetForecast.of(year, budget, series, today, WINDOW_DAYS);
            BurnDown.Point last = series.isEmpty() ? null : series.get(series.size() - 1);
            long held = last == null ? 0 : last.heldFen();
            long redeemed = last == null ? 0 : last.redeemedFen();
            programs.add(new DashboardView.ProgramView(program, budget == null ? null : Money.format(budget),
                    Money.format(held), Money.format(redeemed),
                    budget == null ? null : Money.format(budget - held - redeemed),
                    Money.format(ledgerSubsidy(year, program)),
                    series.stream().map(p -> new DashboardView.PointView(p.day(), Money.format(p.heldFen()),
                            Money.format(p.redeemedFen()), p.remainingFen() == null ? null : Money.format(p.remainingFen())))
                            .toList(),
                    new DashboardView.ForecastView(Money.format(f.dailyBurnFen()), f.exhaustionDate(), f.exhausted(),
                            f.outlastsYear(), f.windowDays())));
        }
        return new DashboardView(year, today, Instant.now(), b.source(), b.asOf(), programs, summary(year),
                slices(year, "coalesce(facility_type, '(unknown)')", 50), slices(year, "coalesce(category, '(unknown)')", 50),
                slices(year, "partner_id", 15), slices(year, "coalesce(district, '(unknown)')", 50), topBuyers(year),
                payments(year), reconciliation.statusOf(year, bearer));
    }

    @SuppressWarnings("unchecked")
    List<BurnDown.DailyMovement> movements(int year, String program) {
        List<Object[]> rows = em.createNativeQuery("""
                        select cast(at at time zone 'Asia/Shanghai' as date) as day, sum(held_delta_fen), sum(redeemed_delta_fen)
                          from voucher_movement where program_year = ?1 and program = ?2
                         group by day order by day""")
                .setParameter(1, year).setParameter(2, program).getResultList();
        List<BurnDown.DailyMovement> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(new BurnDown.DailyMovement(toLocalDate(r[0]), ((Number) r[1]).longValue(), ((Number) r[2]).longValue()));
        }
        return out;
    }

    private long ledgerSubsidy(int year, String program) {
        String column = Accounts.SUANLI.equals(program) ? "suanli_fen" : "zhineng_fen";
        return ((Number) em.createNativeQuery("select coalesce(sum(" + column + "), 0) from journal_entry where program_year = ?1 and "
                        + JournalEntry.WHAT_ORDERS_MOVED).setParameter(1, year).getSingleResult()).longValue();
    }

    private DashboardView.LedgerSummary summary(int year) {
        Object[] r = (Object[]) em.createNativeQuery("""
                        select count(distinct order_id), coalesce(sum(actual_amount_fen), 0), coalesce(sum(buyer_pays_fen), 0),
                               coalesce(sum(suanli_fen), 0), coalesce(sum(zhineng_fen), 0), coalesce(sum(partner_owed_fen), 0)
                          from journal_entry where program_year = ?1 and kind not in ('HELD_OUT', 'REINSTATED')""")
                .setParameter(1, year).getSingleResult();
        return new DashboardView.LedgerSummary(((Number) r[0]).longValue(), yuan(r[1]), yuan(r[2]), yuan(r[3]), yuan(r[4]),
                yuan(r[5]));
    }

    /** {@code keyExpression} is one of the fixed column expressions above, never user input. */
    @SuppressWarnings("unchecked")
    private List<DashboardView.Slice> slices(int year, String keyExpression, int limit) {
        List<Object[]> rows = em.createNativeQuery("select " + keyExpression + " as k, sum(suanli_fen), sum(zhineng_fen), "
                        + "count(distinct order_id) from journal_entry where program_year = ?1 and " + JournalEntry.WHAT_ORDERS_MOVED
                        + " group by k "
                        + "order by sum(suanli_fen) + sum(zhineng_fen) desc, k")
                .setParameter(1, year).setMaxResults(limit).getResultList();
        return rows.stream().map(r -> {
            long s = ((Number) r[1]).longValue();
            long z = ((Number) r[2]).longValue();
            return new DashboardView.Slice((String) r[0], Money.format(s), Money.format(z), Money.format(s + z),
                    ((Number) r[3]).longValue());
        }).toList();
    }

    @SuppressWarnings("unchecked")
    private List<DashboardView.BuyerSlice> topBuyers(int year) {
        List<Object[]> rows = em.createNativeQuery("""
                        select buyer_id, sum(suanli_fen), sum(zhineng_fen), sum(actual_amount_fen), count(distinct order_id)
                          from journal_entry where program_year = ?1 and kind not in ('HELD_OUT', 'REINSTATED')
                         group by buyer_id order by sum(suanli_fen) + sum(zhineng_fen) desc, buyer_id""")
                .setParameter(1, year).setMaxResults(TOP).getResultList();
        return rows.stream().map(r -> {
            long s = ((Number) r[1]).longValue();
            long z = ((Number) r[2]).longValue();
            return new DashboardView.BuyerSlice((String) r[0], Money.format(s + z), Money.format(s), Money.format(z),
                    yuan(r[3]), ((Number) r[4]).longValue());
        }).toList();
    }

    /** Owed (the year's entries) against paid (those in PAID batches), per partner and per program. */
    @SuppressWarnings("unchecked")
    private DashboardView.Payments payments(int year) {
        List<Object[]> rows = em.createNativeQuery("""
                        select e.partner_id, sum(e.partner_owed_fen),
                               coalesce(sum(e.partner_owed_fen) filter (where b.status = 'PAID'), 0)
                          from journal_entry e join settlement_batch b on b.id = e.batch_id
                         where e.program_year = ?1 group by e.partner_id order by e.partner_id""")
                .setParameter(1, year).getResultList();
        List<DashboardView.Owed> byPartner = rows.stream().map(r -> owed((String) r[0], ((Number) r[1]).longValue(),
                ((Number) r[2]).longValue())).toList();
        Object[] p = (Object[]) em.createNativeQuery("""
                        select coalesce(sum(e.suanli_fen), 0), coalesce(sum(e.suanli_fen) filter (where b.status = 'PAID'), 0),
                               coalesce(sum(e.zhineng_fen), 0), coalesce(sum(e.zhineng_fen) filter (where b.status = 'PAID'), 0)
                          from journal_entry e join settlement_batch b on b.id = e.batch_id where e.program_year = ?1""")
                .setParameter(1, year).getSingleResult();
        return new DashboardView.Payments(byPartner, List.of(
                owed(Accounts.SUANLI, ((Number) p[0]).longValue(), ((Number) p[1]).longValue()),
                owed(Accounts.ZHINENG, ((Number) p[2]).longValue(), ((Number) p[3]).longValue())));
    }

    private static DashboardView.Owed owed(String key, long owed, long paid) {
        return new DashboardView.Owed(key, Money.format(owed), Money.format(paid), Money.format(owed - paid));
    }

    private static String yuan(Object n) {
        return Money.format(((Number) n).longValue());
    }

    private static LocalDate toLocalDate(Object o) {
        if (o instanceof LocalDate d) {
            return d;
        }
        return ((Date) o).toLocalDate();
    }
}
