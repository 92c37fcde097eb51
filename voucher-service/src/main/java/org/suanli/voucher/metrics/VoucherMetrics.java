package org.suanli.voucher.metrics;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.suanli.kernel.metrics.AfterCommit;
import org.suanli.kernel.metrics.ScrapeSnapshot;
import org.suanli.voucher.budget.Program;
import org.suanli.voucher.hold.BudgetMovement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Public money as it moves, by program: {@code suanli_voucher_movements_total{program,kind}} and
 * {@code suanli_voucher_movement_fen_total{program,kind}} (kind HOLD, REDEEM, RELEASE; counted after commit,
 * from the ledger lines a use case writes anyway), {@code suanli_enterprise_cap_bound_total} (holds cut by an
 * enterprise's yearly cap), and each program year's budget as gauges read on scrape from the (tiny) budget table:
 * {@code suanli_budget_fen}, {@code suanli_budget_held_fen}, {@code suanli_budget_redeemed_fen},
 * {@code suanli_budget_remaining_fen} with labels program and year.
 */
@ApplicationScoped
public class VoucherMetrics {

    record Figures(long budget, long held, long redeemed) {
    }

    record Key(String program, int year) {
    }

    @Inject
    MeterRegistry registry;

    @Inject
    AfterCommit afterCommit;

    @Inject
    AgroalDataSource dataSource;

    private final Map<Program, Map<BudgetMovement.Kind, Counter[]>> movements = new EnumMap<>(Program.class);
    private final Set<Key> registered = ConcurrentHashMap.newKeySet();
    private final ScrapeSnapshot<Map<Key, Figures>> budgets = new ScrapeSnapshot<>(Duration.ofSeconds(5), this::readBudgets);
    private Counter capBound;

    void register(@Observes StartupEvent ignored) {
        for (Program p : Program.values()) {
            Map<BudgetMovement.Kind, Counter[]> byKind = new EnumMap<>(BudgetMovement.Kind.class);
            for (BudgetMovement.Kind k : BudgetMovement.Kind.values()) {
                byKind.put(k, new Counter[]{
                        Counter.builder("suanli.voucher.movements").description("Holds, redemptions and releases")
                                .tag("program", p.name()).tag("kind", k.name()).register(registry),
                        Counter.builder("suanli.voucher.movement.fen").description("Fen held, redeemed and released")
                                .tag("program", p.name()).tag("kind", k.name()).register(registry)});
            }
            movements.put(p, byKind);
        }
        capBound = Counter.builder("suanli.enterprise.cap.bound")
                .description("Holds whose 算力券 an enterprise's yearly cap cut (reason ENTERPRISE_CAP)").register(registry);
        discoverYears();
    }

    /** The ledger lines a use case wrote; counted once its transaction commits. */
    public void moved(List<BudgetMovement> lines, int capsBound) {
        if (lines.isEmpty() && capsBound == 0) {
            return;
        }
        // Summed now (the entities may change after commit), counted after.
        Map<Counter, long[]> sums = new HashMap<>();
        for (BudgetMovement m : lines) {
            Counter[] c = movements.get(m.program).get(m.kind);
            sums.computeIfAbsent(c[0], x -> new long[1])[0]++;
            sums.computeIfAbsent(c[1], x -> new long[1])[0] += m.amountFen;
        }
        afterCommit.run(() -> {
            sums.forEach((counter, n) -> counter.increment(n[0]));
            if (capsBound > 0) {
                capBound.increment(capsBound);
            }
        });
    }

    /** A new program year gets its gauges within a minute (budgets are set rarely). */
    @Scheduled(every = "60s", delayed = "60s")
    void discoverYears() {
        Map<Key, Figures> now = budgets.get();
        if (now == null) {
            return;
        }
        for (Key k : now.keySet()) {
            if (registered.add(k)) {
                gauge("suanli.budget.fen", "A program year's budget", k, Figures::budget);
                gauge("suanli.budget.held.fen", "Held (pending) against a program year's budget", k, Figures::held);
                gauge("suanli.budget.redeemed.fen", "Redeemed from a program year's budget", k, Figures::redeemed);
                gauge("suanli.budget.remaining.fen", "Left of a program year's budget", k,
                        f -> f.budget() - f.held() - f.redeemed());
            }
        }
    }

    private void gauge(String name, String description, Key k, java.util.function.ToLongFunction<Figures> figure) {
        Gauge.builder(name, this, m -> {
                    Map<Key, Figures> all = m.budgets.get();
                    Figures f = all == null ? null : all.get(k);
                    return f == null ? Double.NaN : figure.applyAsLong(f);
                })
                .description(description).tag("program", k.program()).tag("year", Integer.toString(k.year()))
                .register(registry);
    }

    private Map<Key, Figures> readBudgets() {
        Map<Key, Figures> all = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("""
                     select program, program_year, sum(budget_fen), sum(held_fen), sum(redeemed_fen)
                       from program_budget group by program, program_year""");
             ResultSet r = q.executeQuery()) {
            while (r.next()) {
                all.put(new Key(r.getString(1), r.getInt(2)), new Figures(r.getLong(3), r.getLong(4), r.getLong(5)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return all;
    }
}
