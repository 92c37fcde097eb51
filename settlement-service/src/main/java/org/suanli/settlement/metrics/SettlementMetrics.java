package org.suanli.settlement.metrics;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.suanli.kernel.metrics.ScrapeSnapshot;
import org.suanli.settlement.batch.BatchStatus;
import org.suanli.settlement.reconciliation.Reconciliation;
import org.suanli.settlement.reconciliation.VoucherAmounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What finance watches: {@code suanli_settlement_batches{status}} (read on scrape) and the last
 * reconciliation's outcome: {@code suanli_reconciliation_mismatched_orders} (orders that differ, are missing on
 * one side or duplicated) and {@code suanli_reconciliation_mismatch_fen} (the sum of their absolute
 * differences), with {@code suanli_reconciliation_runs_total{result}} and the time of the last run.
 */
@ApplicationScoped
public class SettlementMetrics {

    @Inject
    MeterRegistry registry;

    @Inject
    AgroalDataSource dataSource;

    private final ScrapeSnapshot<Map<BatchStatus, Long>> batches = new ScrapeSnapshot<>(Duration.ofSeconds(10), this::countBatches);
    private final AtomicLong mismatchedOrders = new AtomicLong();
    private final AtomicLong mismatchFen = new AtomicLong();
    private final AtomicLong lastRunEpochSeconds = new AtomicLong();
    private Counter clean;
    private Counter mismatched;

    void register(@Observes StartupEvent ignored) {
        for (BatchStatus s : BatchStatus.values()) {
            Gauge.builder("suanli.settlement.batches", this, m -> {
                        Map<BatchStatus, Long> counts = m.batches.get();
                        return counts == null ? Double.NaN : counts.getOrDefault(s, 0L);
                    })
                    .description("Monthly settlement batches in each state").tag("status", s.name()).register(registry);
        }
        Gauge.builder("suanli.reconciliation.mismatched.orders", mismatchedOrders, AtomicLong::get)
                .description("Orders the last reconciliation could not match (different amounts, missing or duplicated)")
                .register(registry);
        Gauge.builder("suanli.reconciliation.mismatch.fen", mismatchFen, AtomicLong::get)
                .description("Sum of the absolute differences the last reconciliation found, in fen").register(registry);
        Gauge.builder("suanli.reconciliation.last.run.timestamp.seconds", lastRunEpochSeconds, AtomicLong::get)
                .description("When the last reconciliation ran (0: not since start)").register(registry);
        clean = Counter.builder("suanli.reconciliation.runs").tag("result", "clean").register(registry);
        mismatched = Counter.builder("suanli.reconciliation.runs").tag("result", "mismatch").register(registry);
    }

    /** The outcome of a reconciliation finance just ran. */
    public void reconciled(Reconciliation r) {
        long orders = r.mismatches().size() + r.missingInLedger().size() + r.missingInVoucher().size()
                + r.duplicatedInLedger().size() + r.duplicatedInVoucher().size();
        long fen = 0;
        for (Reconciliation.Mismatch m : r.mismatches()) {
            fen += Math.abs(m.suanliDifferenceFen()) + Math.abs(m.zhinengDifferenceFen());
        }
        fen += sum(r.missingInLedger()) + sum(r.missingInVoucher());
        mismatchedOrders.set(orders);
        mismatchFen.set(fen);
        lastRunEpochSeconds.set(System.currentTimeMillis() / 1000);
        (r.clean() ? clean : mismatched).increment();
    }

    private static long sum(List<VoucherAmounts> amounts) {
        long fen = 0;
        for (VoucherAmounts a : amounts) {
            fen += Math.abs(a.suanliFen()) + Math.abs(a.zhinengFen());
        }
        return fen;
    }

    private Map<BatchStatus, Long> countBatches() {
        Map<BatchStatus, Long> counts = new EnumMap<>(BatchStatus.class);
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("select status, count(*) from settlement_batch group by status");
             ResultSet r = q.executeQuery()) {
            while (r.next()) {
                counts.put(BatchStatus.valueOf(r.getString(1)), r.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return counts;
    }
}
