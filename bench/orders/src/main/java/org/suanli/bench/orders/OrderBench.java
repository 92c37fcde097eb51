package org.suanli.bench.orders;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.suanli.bench.orders.Actors.log;

/**
 * The order path end to end, on the stack deploy/run.sh starts: many buyers place 1-GPU-hour orders in an
 * open model (fixed arrival rate), a tenth cancelled after confirmation and a tenth delivered to completion;
 * a short ramp finds the peak rate that placed → CONFIRMED keeps up with, then steps at 25/50/75/100 % of
 * it measure latencies (server timestamps), CPU per order of each process and the services' memory;
 * pgbench TPC-B before and after gives the machine's limit. Then the invariants; a broken one fails the run.
 * With -Dbench.mode=faults it is the recovery fault test instead ({@link FaultTest}); with -Dbench.mode=cluster the
 * cluster test on what deploy/cluster.sh starts ({@link ClusterTest}).
 */
public final class OrderBench {

    static final Path REPO = Path.of(System.getProperty("bench.repo", "../..")).toAbsolutePath().normalize();
    static final Path INFRA_RUN = Path.of(System.getProperty("bench.infra-run", REPO.resolve(".run").toString())).toAbsolutePath();
    static final int BUYERS = Integer.getInteger("bench.buyers", 200);
    static final double STEP_SECONDS = Double.parseDouble(System.getProperty("bench.step-seconds", "20"));
    static final double RAMP_SECONDS = Double.parseDouble(System.getProperty("bench.ramp-seconds", "8"));
    static final double RAMP_START = Double.parseDouble(System.getProperty("bench.ramp-start", "10"));
    static final double RAMP_FACTOR = Double.parseDouble(System.getProperty("bench.ramp-factor", "1.4"));
    static final double WARMUP_RATE = Double.parseDouble(System.getProperty("bench.warmup-rate", "12"));
    static final double WARMUP_SECONDS = Double.parseDouble(System.getProperty("bench.warmup-seconds", "90"));
    static final int PGBENCH_SECONDS = Integer.getInteger("bench.pgbench-seconds", 20);

    public static void main(String[] args) throws Exception {
        String mode = System.getProperty("bench.mode", "report");
        int rc;
        try {
            rc = switch (mode) {
                case "faults" -> new FaultTest().run();
                case "cluster" -> new ClusterTest().run();
                case "steady" -> new OrderBench().steady();
                case "idle" -> new OrderBench().idleOnly();
                default -> new OrderBench().run();
            };
        } catch (Throwable e) { // the load's threads must not outlive a run that failed
            e.printStackTrace();
            rc = 2;
        }
        System.exit(rc);
    }

    private final Procs procs = new Procs(REPO.resolve(".run"), INFRA_RUN);
    private final StringBuilder report = new StringBuilder();

    record RampStep(double rate, int orders, double decidedShare, String placeToConfirmed, boolean keptUp) {
    }

    /**
     * One constant rate for a while, figures on the console only: the load to profile under
     * (-Dbench.mode=steady -Dbench.rate=20 -Dbench.seconds=60). Nothing is appended to the report.
     */
    int steady() throws Exception {
        double rate = Double.parseDouble(System.getProperty("bench.rate", "20"));
        double seconds = Double.parseDouble(System.getProperty("bench.seconds", "60"));
        Load load = new Load(Actors.setUp(BUYERS, 100_000));
        log("steady: %.0f orders/s for %.0f s", rate, seconds);
        Map<String, Long> cpu0 = procs.cpu();
        List<Order> orders = load.run(1, rate, seconds);
        boolean settled = awaitSettled(orders, Duration.ofSeconds(90));
        Map<String, Long> cpu = Procs.delta(cpu0, procs.cpu());
        log("%s", stepRow(100, rate, orders, settled).strip());
        cpu.forEach((p, ms) -> log("CPU %s: %.2f ms per order", p, ms / (double) orders.size()));
        return settled ? 0 : 1;
    }

    /** The idle figures alone, on the console (-Dbench.mode=idle -Dbench.idle-seconds=20). */
    int idleOnly() {
        StringBuilder sb = new StringBuilder();
        idle(sb);
        System.out.println(sb);
        return 0;
    }

    int run() throws Exception {
        Instant started = Instant.now();
        header(report, "Run of", started);
        Actors actors = Actors.setUp(BUYERS, 100_000);
        report.append("- ").append(actors.buyers.size()).append(" buyers with tokens of their own; offerings ")
                .append(actors.offerings.stream().map(o -> o.id() + " (" + o.partnerId() + ", " + o.price() + " CNY/h)").toList())
                .append("\n");

        double tpsBefore = pgbench(true);
        Load load = new Load(actors);

        // Warm-up: JIT, pools and caches, at a rate every version of the stack keeps up with. A short one left the
        // services' JIT compilers using 30-50 % of their CPU during the ramp (profiled): a cold figure, not the stack's.
        log("warm-up: %.0f/s for %.0f s", WARMUP_RATE, WARMUP_SECONDS);
        List<Order> warm = load.run(0, WARMUP_RATE, WARMUP_SECONDS);
        awaitSettled(warm, Duration.ofSeconds(60));

        // The ramp: the highest rate at which the orders of an 8 s burst are (almost) all decided 2 s after it.
        List<RampStep> ramp = new ArrayList<>();
        double rate = RAMP_START, pass = 0, fail = 0;
        int phase = 1;
        while (rate <= 3000) {
            RampStep s = rampStep(load, phase++, rate);
            ramp.add(s);
            if (!s.keptUp()) {
                fail = rate;
                break;
            }
            pass = rate;
            rate = Math.round(rate * RAMP_FACTOR);
        }
        if (pass > 0 && fail > pass * 1.15) { // one bisection between the last rate kept up with and the first not
            double mid = Math.round((pass + fail) / 2);
            RampStep s = rampStep(load, phase++, mid);
            ramp.add(s);
            if (s.keptUp()) {
                pass = mid;
            }
        }
        double peak = Math.max(pass, RAMP_START / 2);
        report.append("\n### Ramp (").append((int) RAMP_SECONDS).append(" s per rate; kept up = ≥ 95 % of the burst's orders CONFIRMED or decided 2 s after its last arrival)\n\n")
                .append("| rate /s | orders | decided 2 s after | place→CONFIRMED p50 / p99 / p99.9 / max ms | kept up |\n|---|---|---|---|---|\n");
        for (RampStep s : ramp) {
            report.append("| %.0f | %d | %.1f %% | %s | %s |%n".formatted(s.rate(), s.orders(), 100 * s.decidedShare(),
                    s.placeToConfirmed(), s.keptUp() ? "yes" : "no"));
        }
        report.append("\n**Peak: %.0f orders/s**%s\n".formatted(peak, pass == 0 ? " (not even the first ramp rate was kept up with; half of it used)" : ""));

        // The steps.
        String top = null;
        List<String> rows = new ArrayList<>();
        List<Map<String, Long>> cpuRows = new ArrayList<>();
        List<Map<String, Long>> rssRows = new ArrayList<>();
        List<Map<String, Long>> txRows = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        int[] shares = {25, 50, 75, 100};
        for (int share : shares) {
            double r = Math.max(1, Math.round(peak * share / 100.0));
            log("step %d %%: %.0f orders/s for %.0f s", share, r, STEP_SECONDS);
            Map<String, Long> cpu0 = procs.cpu();
            Map<String, Long> tx0 = pgTransactions();
            long tracked0 = load.tracker.statements.get();
            String[] topHolder = new String[1];
            Thread sampler = null;
            if (share == 100) { // what the machine does in the middle of the peak step
                sampler = new Thread(() -> {
                    sleep((long) (STEP_SECONDS * 500));
                    topHolder[0] = top();
                });
                sampler.start();
            }
            List<Order> step = load.run(phase++, r, STEP_SECONDS);
            boolean settled = awaitSettled(step, Duration.ofSeconds(90));
            Map<String, Long> cpu = Procs.delta(cpu0, procs.cpu());
            Map<String, Long> tx = Procs.delta(tx0, pgTransactions());
            // Less the bench's own reads of order_history (and this count itself), which are not the service's work.
            tx.computeIfPresent("orders", (db, n) -> n - (load.tracker.statements.get() - tracked0) - 1);
            txRows.add(tx);
            if (sampler != null) {
                sampler.join();
                top = topHolder[0];
            }
            rssRows.add(procs.rss());
            cpuRows.add(cpu);
            counts.add(step.size());
            rows.add(stepRow(share, r, step, settled));
        }
        report.append("\n### Steps (").append((int) STEP_SECONDS).append(" s each; latencies from the intended send time (POST) and from order-service's history (place→CONFIRMED))\n\n")
                .append("| step | rate /s | orders | placed→CONFIRMED /s | POST p50 / p99 / p99.9 / max ms | place→CONFIRMED p50 / p99 / p99.9 / max ms | rejected | POST retries |\n|---|---|---|---|---|---|---|---|\n");
        rows.forEach(report::append);
        perOrderTable(report, "CPU milliseconds per order (each process; from the step's start until its last order reached the end of its plan)",
                "process", shares, cpuRows, counts);
        report.append("| **stack total** (services + kafka + keycloak + postgres) |");
        for (int i = 0; i < shares.length; i++) {
            report.append(" **%.2f** |".formatted(Procs.stack(cpuRows.get(i)) / (double) counts.get(i)));
        }
        report.append('\n');
        perOrderTable(report, "PostgreSQL transactions per order (each service's database, committed + rolled back, same window; the bench's own reads taken out)",
                "database", shares, txRows, counts);
        report.append("\n### RSS of each service after each step (MB)\n\n| service |");
        for (int s : shares) {
            report.append(" ").append(s).append(" % |");
        }
        report.append("\n|---|---|---|---|---|\n");
        for (String s : Procs.SERVICES) {
            report.append("| ").append(s).append(" |");
            for (Map<String, Long> m : rssRows) {
                report.append(" ").append(m.get(s)).append(" |");
            }
            report.append('\n');
        }
        if (top != null) {
            report.append("\n<details><summary>top -b -n1 in the middle of the 100 % step</summary>\n\n```\n").append(top).append("```\n</details>\n");
        }

        awaitSettled(load.snapshot(), Duration.ofSeconds(120));
        double tpsAfter = pgbench(false);
        double tps = (tpsBefore + tpsAfter) / 2;
        report.append("\n### The limit: pgbench TPC-B (scale 16, 16 clients, -j 2, %d s) on a database of its own\n\n".formatted(PGBENCH_SECONDS))
                .append("- before: %.0f tps; after: %.0f tps; mean %.0f tps%n".formatted(tpsBefore, tpsAfter, tps))
                .append("- **peak placed→CONFIRMED %.0f orders/s ÷ %.0f tps = %.3f** (goal of issue #10: ≥ 0.20)%n".formatted(peak, tps, peak / tps));

        load.tracker.stop();
        idle(report);
        Invariants inv = converged(load.snapshot(), actors, true);
        report.append("\n### Invariants (whole databases, after the run; ").append(load.snapshot().size()).append(" orders, POST retries ")
                .append(load.postErrors.get()).append(", failed actions ").append(load.actionErrors.get()).append(")\n\n").append(inv.render());
        report.append("\n<!-- run: peak=%.0f pgbench=%.0f ratio=%.4f -->%n".formatted(peak, tps, peak / tps));
        report.append(mediansSoFar(peak, tps));
        append("REPORT.md");
        System.out.println(report);
        return inv.ok() ? 0 : 1;
    }

    /**
     * What the stack costs with no orders at all: every consumer still asks the broker for records and every relay
     * and sweeper still looks for work. At low rates this, not the orders, is most of the CPU per order.
     */
    private void idle(StringBuilder report) {
        int seconds = Integer.getInteger("bench.idle-seconds", 20);
        sleep(5_000); // pgbench's and the last orders' aftermath
        log("idle: %d s with no orders", seconds);
        Map<String, Long> cpu0 = procs.cpu();
        long t0 = System.nanoTime();
        sleep(seconds * 1000L);
        Map<String, Long> cpu = Procs.delta(cpu0, procs.cpu());
        double elapsed = (System.nanoTime() - t0) / 1e9;
        report.append("\n### Idle: CPU milliseconds per second with no orders (%d s, after the run)\n\n| process | ms/s |\n|---|---|\n".formatted(seconds));
        cpu.forEach((process, ms) -> {
            if (!process.startsWith("bench")) {
                report.append("| %s | %.1f |%n".formatted(process, ms / elapsed));
            }
        });
        report.append("| **stack total** | **%.1f** |%n".formatted(Procs.stack(cpu) / elapsed));
    }

    private RampStep rampStep(Load load, int phase, double rate) {
        log("ramp: %.0f orders/s for %.0f s", rate, RAMP_SECONDS);
        List<Order> step = load.run(phase, rate, RAMP_SECONDS);
        Instant end = step.get(step.size() - 1).intended;
        sleepUntil(end.plusSeconds(2).plusMillis(300)); // the tracker's poll
        Instant by = end.plusSeconds(2);
        long decided = step.stream().filter(o -> o.decidedAt != null && !o.decidedAt.isAfter(by)).count();
        double share = decided / (double) step.size();
        boolean settled = awaitSettled(step, Duration.ofSeconds(40));
        Histogram h = Figures.placeToConfirmed(step);
        long errors = step.stream().filter(o -> o.postAttempts > 1 || "NOT_PLACED".equals(o.state)).count();
        boolean kept = share >= 0.95 && settled && errors <= step.size() / 100;
        log("ramp: %.0f/s → %.1f %% decided 2 s after; place→CONFIRMED %s ms", rate, 100 * share, Figures.ms(h));
        return new RampStep(rate, step.size(), share, Figures.ms(h), kept);
    }

    private String stepRow(int share, double rate, List<Order> step, boolean settled) {
        List<Order> confirmed = step.stream().filter(o -> o.confirmedAt != null).toList();
        Instant first = step.get(0).intended;
        Instant last = confirmed.stream().map(o -> o.confirmedAt).max(Instant::compareTo).orElse(first);
        double tput = confirmed.size() / Math.max(0.001, Duration.between(first, last).toNanos() / 1e9);
        long rejected = step.stream().filter(o -> "REJECTED".equals(o.state)).count();
        long retried = step.stream().filter(o -> o.postAttempts > 1).count();
        return "| %d %% | %.0f | %d | %.1f | %s | %s | %d | %d |%s%n".formatted(share, rate, step.size(), tput,
                Figures.ms(Figures.post(step)), Figures.ms(Figures.placeToConfirmed(step)), rejected, retried,
                settled ? "" : " (not all settled within 90 s)");
    }

    /** A table of one figure per order: a row per key of the steps' counts, a column per step. */
    private static void perOrderTable(StringBuilder report, String title, String what, int[] shares,
                                      List<Map<String, Long>> perStep, List<Integer> orders) {
        report.append("\n### ").append(title).append("\n\n| ").append(what).append(" |");
        for (int s : shares) {
            report.append(" ").append(s).append(" % |");
        }
        report.append("\n|---|---|---|---|---|\n");
        for (String key : perStep.get(0).keySet()) {
            report.append("| ").append(key).append(" |");
            for (int i = 0; i < shares.length; i++) {
                report.append(" %.2f |".formatted(perStep.get(i).get(key) / (double) orders.get(i)));
            }
            report.append('\n');
        }
    }

    /** Transactions so far of each service's database (pg_stat_database: what the services asked PostgreSQL to do). */
    static Map<String, Long> pgTransactions() {
        Map<String, Long> tx = new java.util.LinkedHashMap<>();
        try (java.sql.Connection c = Tracker.connect(); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet r = st.executeQuery("select datname, xact_commit + xact_rollback from pg_stat_database"
                     + " where datname in ('catalog', 'orders', 'voucher', 'settlement') order by datname")) {
            while (r.next()) {
                tx.put(r.getString(1), r.getLong(2));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("pg_stat_database: " + e.getMessage(), e);
        }
        return tx;
    }

    /** Until every order given is at the end of its plan (or the time is up). */
    static boolean awaitSettled(List<Order> orders, Duration max) {
        Instant deadline = Instant.now().plus(max);
        while (Instant.now().isBefore(deadline)) {
            if (orders.stream().allMatch(o -> o.settled() || "NOT_PLACED".equals(o.state))) {
                return true;
            }
            sleep(100);
        }
        return false;
    }

    /** The consumers answer asynchronously: check again until the figures agree or a minute passes. */
    static Invariants converged(List<Order> run, Actors actors, boolean settlement) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        Invariants inv;
        do {
            inv = Invariants.check(run, actors, settlement);
            if (inv.ok()) {
                return inv;
            }
            sleep(2000);
        } while (Instant.now().isBefore(deadline));
        return inv;
    }

    /** pgbench TPC-B on the database bench_pgbench (created and initialised at scale 16 the first time). */
    double pgbench(boolean init) throws Exception {
        if (PGBENCH_SECONDS <= 0) { // a quick try of the bench itself: no limit measured
            return Double.NaN;
        }
        if (init) {
            log("pgbench: initialising bench_pgbench at scale 16");
            sh("psql -tAc \"select 1 from pg_database where datname = 'bench_pgbench'\" | grep -q 1 || createdb bench_pgbench");
            sh("pgbench -i -s 16 -q bench_pgbench");
        }
        log("pgbench: TPC-B, 16 clients, -j 2, %d s", PGBENCH_SECONDS);
        String out = sh("pgbench -c 16 -j 2 -T " + PGBENCH_SECONDS + " bench_pgbench");
        Matcher m = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("pgbench printed no tps: " + out);
        }
        double tps = Double.parseDouble(m.group(1));
        log("pgbench: %.0f tps", tps);
        return tps;
    }

    /** A command as the postgres OS user (local socket, trust). */
    static String sh(String command) throws Exception {
        Process p = new ProcessBuilder("su", "postgres", "-c", command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(command + " failed: " + out);
        }
        return out;
    }

    static String run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    static String top() {
        try {
            String[] lines = run(REPO, "top", "-b", "-n1", "-w", "160").split("\n");
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < Math.min(lines.length, 22); i++) {
                sb.append(lines[i].replaceAll("\\s+$", "")).append('\n');
            }
            return sb.toString();
        } catch (Exception e) {
            return "top: " + e + "\n";
        }
    }

    static void header(StringBuilder sb, String title, Instant at) throws Exception {
        String commit = run(REPO, "git", "log", "-1", "--format=%h %s").trim();
        if (commit.length() > 100) {
            commit = commit.substring(0, 100) + "…";
        }
        String cpu = run(REPO, "sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").trim();
        String mem = run(REPO, "sh", "-c", "awk '/MemTotal/ {printf \"%.1f GB\", $2/1048576}' /proc/meminfo").trim();
        sb.append("\n## ").append(title).append(' ').append(at.truncatedTo(ChronoUnit.SECONDS)).append("\n\n")
                .append("- commit ").append(commit).append('\n')
                .append("- machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores (").append(cpu)
                .append("), ").append(mem).append(", Java ").append(System.getProperty("java.version"))
                .append("; load average at start ").append(Procs.loadAverage()).append('\n')
                .append("- services' JVM: `").append(Procs.serviceJvm(REPO.resolve(".run"))).append("`\n");
    }

    /** Medians over every run of this report so far (the marker line each run leaves). */
    private static String mediansSoFar(double peak, double tps) throws IOException {
        Path f = Path.of(System.getProperty("bench.dir", ".")).resolve("REPORT.md");
        List<double[]> runs = new ArrayList<>();
        if (Files.exists(f)) {
            Matcher m = Pattern.compile("<!-- run: peak=([0-9.]+) pgbench=([0-9.]+) ratio=([0-9.]+) -->").matcher(Files.readString(f));
            while (m.find()) {
                runs.add(new double[]{Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))});
            }
        }
        runs.add(new double[]{peak, tps, peak / tps});
        return "- medians over the %d runs in this report: peak %.0f orders/s, pgbench %.0f tps, ratio %.3f%n".formatted(runs.size(),
                Figures.median(runs.stream().mapToDouble(r -> r[0]).toArray()),
                Figures.median(runs.stream().mapToDouble(r -> r[1]).toArray()),
                Figures.median(runs.stream().mapToDouble(r -> r[2]).toArray()));
    }

    void append(String file) throws IOException {
        append(file, report);
    }

    static void append(String file, CharSequence text) throws IOException {
        Path f = Path.of(System.getProperty("bench.dir", ".")).resolve(file);
        Files.writeString(f, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleepUntil(Instant t) {
        long ms = Duration.between(Instant.now(), t).toMillis();
        if (ms > 0) {
            sleep(ms);
        }
    }

    static Map<String, Long> none() {
        return new LinkedHashMap<>();
    }
}
