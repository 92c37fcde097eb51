package org.suanli.voucher.hold;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.suanli.voucher.policy.Category;
import org.suanli.voucher.policy.FacilityType;
import org.suanli.voucher.policy.ZhinengMode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a test: the benchmark of the hold transaction itself (bench/voucher-holds/run.sh runs it; the default
 * test run excludes the "benchmark" tag). Several callers, each in transactions of its own as several
 * replicas would be, push batches of contracts through {@link HoldService#holdAll}: the policy decision,
 * the program budget and 1,000 enterprises' caps, the hold rows, their ledger lines and their outgoing
 * events (which the in-process relay publishes to Kafka meanwhile). What it leaves out is the transport
 * in front: reading the order events from Kafka and recording them in the inbox.
 *
 * <p>Each round has a budget of its own, 90% of its demand, so the last batches race for the rest; the
 * invariant is checked after each round, and a broken one fails the run.
 */
@QuarkusTest
@Tag("benchmark")
class HoldTransactionsBenchmark {

    static final int BUYERS = 1_000;
    static final int HOLDS = Integer.getInteger("bench.holds", 60_000);
    static final int WARMUP = Integer.getInteger("bench.warmup", 20_000);
    static final int BATCH = Integer.getInteger("bench.batch", 2_000);
    static final int CALLERS = Integer.getInteger("bench.callers", 2);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    static final int WARMUP_YEAR = 2040;
    static final int FIRST_YEAR = 2041;
    /** 100.00 CNY of domestic compute at 30%: 30.00 CNY asked per hold. */
    static final long AMOUNT_FEN = 10_000;
    static final long ASK_FEN = 3_000;

    @Inject
    HoldService holds;

    @Inject
    AgroalDataSource db;

    @Test
    void holds_per_second_on_one_program_budget() throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement p = c.prepareStatement("""
                insert into buyer (id, name, credit_code, buyer_type, sme, foundation_model)
                values (?, ?, ?, 'ENTERPRISE', false, false) on conflict do nothing""")) {
            for (int i = 0; i < BUYERS; i++) {
                p.setString(1, "bench-buyer-" + i);
                p.setString(2, "Bench buyer " + i);
                p.setString(3, String.format("91330100MB%08d", i));
                p.addBatch();
            }
            p.executeBatch();
        }
        race("warmup-", WARMUP, WARMUP_YEAR); // JIT, pools and caches warm before the measured rounds
        List<Double> rates = new ArrayList<>();
        StringBuilder lines = new StringBuilder();
        for (int round = 0; round < ROUNDS; round++) {
            int year = FIRST_YEAR + round; // a budget of its own per round
            long budget = ASK_FEN * HOLDS * 9 / 10;
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                s.execute("insert into program_budget (program, program_year, budget_fen) values ('SUANLI', " + year + ", " + budget
                        + "), ('ZHINENG', " + year + ", 0)");
            }
            long t0 = System.nanoTime();
            race("bench-" + year + "-", HOLDS, year);
            double secs = (System.nanoTime() - t0) / 1e9;
            rates.add(HOLDS / secs);
            lines.append(checkedRound(year, budget, secs));
        }
        rates.sort(null);
        String summary = String.format("hold transactions in-process, %d callers, batches of %d, after %d warm-up holds:"
                + " median of %d rounds %.0f holds/s%n", CALLERS, BATCH, WARMUP, ROUNDS, rates.get(rates.size() / 2));
        System.out.print(summary + lines);
        String section = System.getProperty("bench.section");
        if (section != null) {
            Files.writeString(Path.of(section), "- " + summary + lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    /** One round's line, once its invariant is checked: a broken one fails the run. */
    private String checkedRound(int year, long budget, double secs) throws Exception {
        long budgetUsed = number("select held_fen + redeemed_fen from program_budget where program = 'SUANLI' and program_year = " + year);
        long sumOfHolds = number("select coalesce(sum(suanli_held_fen), 0) from subsidy_hold where program_year = " + year);
        long sumOfBuyers = number("select coalesce(sum(suanli_held_fen), 0) from enterprise_year where program_year = " + year);
        long holdRows = number("select count(*) from subsidy_hold where program_year = " + year);
        long ledgerTotal = number("select coalesce(sum(amount_fen), 0) from budget_movement where kind = 'HOLD' and program_year = " + year);
        long cut = number("select count(*) from subsidy_hold where program_year = " + year + " and reasons like '%BUDGET_EXHAUSTED%'");
        assertThat(holdRows).as("every contract answered").isEqualTo(HOLDS);
        assertThat(budgetUsed).as("never beyond the budget").isEqualTo(budget);
        assertThat(sumOfHolds).as("the budget row is the sum of the holds").isEqualTo(budgetUsed);
        assertThat(sumOfBuyers).as("the buyers' rows add up to the same").isEqualTo(budgetUsed);
        assertThat(ledgerTotal).as("every fen held is in the ledger").isEqualTo(budgetUsed);
        return String.format("  - %d: %d holds in %.2f s → %.0f holds/s; budget %d fen, held %d (sum of holds %d, of buyers' rows %d,"
                        + " of ledger lines %d), %d holds cut by BUDGET_EXHAUSTED: INTACT%n",
                year, HOLDS, secs, HOLDS / secs, budget, budgetUsed, sumOfHolds, sumOfBuyers, ledgerTotal, cut);
    }

    /** {@code count} contracts of one year, in batches, through {@code CALLERS} concurrent callers. */
    private void race(String orderPrefix, int count, int year) throws Exception {
        ConcurrentLinkedQueue<List<HoldCommand>> batches = new ConcurrentLinkedQueue<>();
        List<HoldCommand> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(new HoldCommand(orderPrefix + i, "bench-buyer-" + (i % BUYERS), "ptn-bench", "91330100MA2BENCH01", true,
                    Category.COMPUTE, FacilityType.DOMESTIC, false, AMOUNT_FEN, LocalDate.of(year, 6, 1), ZhinengMode.NONE));
            if (batch.size() == BATCH || i == count - 1) {
                batches.add(batch);
                batch = new ArrayList<>();
            }
        }
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < CALLERS; t++) {
            done.add(callers.submit(() -> {
                List<HoldCommand> next;
                while ((next = batches.poll()) != null) {
                    holds.holdAll(next);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(15, TimeUnit.MINUTES);
        }
        callers.shutdown();
    }

    private long number(String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
