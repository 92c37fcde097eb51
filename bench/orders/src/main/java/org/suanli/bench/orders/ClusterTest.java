package org.suanli.bench.orders;

import org.HdrHistogram.Histogram;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.suanli.bench.orders.Actors.log;
import static org.suanli.bench.orders.OrderBench.REPO;

/**
 * Issue #12's cluster test, on what {@code deploy/cluster.sh up} starts (three brokers, two instances of each
 * service): a steady load (10 % cancelled, 10 % delivered) over both order-service instances; after a warm-up one
 * broker and one instance of each service are SIGKILLed together and left dead for a while, so the survivors serve
 * alone; then they are started again ({@code deploy/cluster.sh start}) and the load goes on a little. Measured: the
 * longest gap between consecutive decisions (CONFIRMED/REJECTED in order-service's history, server time) from the
 * kill until the load stops, arrival→decided of the orders that arrived meanwhile, the restarted processes' time to
 * ready. Checked: no gap over 15 s, every order decided and at the end of its plan, and {@link Invariants} on the
 * cluster's databases (exactly once, money and capacity to the fen, one hold per order, one settlement entry per
 * completed order, reconciliation clean). A breach fails the run (exit 1). Appends to CLUSTER.md.
 */
final class ClusterTest {

    static final double RATE = Double.parseDouble(System.getProperty("bench.rate", "12"));
    static final double WARMUP_SECONDS = Double.parseDouble(System.getProperty("bench.cluster-warmup-seconds", "40"));
    /** How long the killed ones stay dead: the survivors alone carry the load meanwhile. */
    static final double FAULT_SECONDS = Double.parseDouble(System.getProperty("bench.fault-seconds", "30"));
    static final double AFTER_SECONDS = Double.parseDouble(System.getProperty("bench.after-seconds", "30"));
    /** "leader": the KRaft quorum's leader (the active controller, itself a broker leading partitions); or kafka-N. */
    static final String BROKER = System.getProperty("bench.cluster-broker", "leader");
    static final String INSTANCE = System.getProperty("bench.cluster-instance", "a");
    static final double MAX_GAP_SECONDS = 15;
    static final Path SCRIPT = Path.of(System.getProperty("bench.cluster-script", REPO.resolve("deploy/cluster.sh").toString()));
    static final Path PIDS = REPO.resolve(".run/cluster/pids");

    int run() throws Exception {
        Instant started = Instant.now();
        StringBuilder report = new StringBuilder();
        OrderBench.header(report, "Cluster run of", started);
        String before = OrderBench.run(REPO, SCRIPT.toString(), "status");
        List<String> victims = new ArrayList<>();
        java.util.regex.Matcher leader = java.util.regex.Pattern.compile("KRaft quorum: leader (\\d+)").matcher(before);
        victims.add(!"leader".equals(BROKER) ? BROKER : leader.find() ? "kafka-" + leader.group(1) : "kafka-2");
        for (String s : Procs.SERVICES) {
            victims.add(s + "-" + INSTANCE);
        }

        Actors actors = Actors.setUp(OrderBench.BUYERS, 50_000);
        Load load = new Load(actors);
        AtomicInteger phase = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        Thread arrivals = load.background(RATE, phase::get, stop::get);
        // Beside the orders, a buyer's net-price search once a second (catalog-service asks voucher-service for quotes).
        java.util.concurrent.atomic.AtomicLongArray search = new java.util.concurrent.atomic.AtomicLongArray(4); // total, failed, fell back, fell back while dead
        AtomicBoolean victimsDead = new AtomicBoolean();
        Thread searcher = new Thread(() -> {
            String token = actors.buyers.get(0).user().token();
            for (int i = 0; !stop.get(); i++) {
                String path = "/api/offerings?sort=net&hours=10&size=20";
                Api.Answer a = Api.call("GET", Api.CATALOGS.get(i % Api.CATALOGS.size()) + path, token, null);
                if (a.status() == -1) { // that instance is away: the other, as a load balancer would
                    a = Api.call("GET", Api.CATALOGS.get((i + 1) % Api.CATALOGS.size()) + path, token, null);
                }
                search.incrementAndGet(0);
                if (a.status() != 200) {
                    search.incrementAndGet(1);
                } else if (a.body().path("netPriceUnavailable").asBoolean(false)) {
                    search.incrementAndGet(2);
                    if (victimsDead.get()) {
                        search.incrementAndGet(3);
                    }
                }
                OrderBench.sleep(1000);
            }
        }, "searcher");
        searcher.setDaemon(true);
        searcher.start();
        log("steady load: %.0f orders/s over %s; %.0f s before the faults", RATE, Api.ORDERS, WARMUP_SECONDS);
        // CPU per order in the steady state: from a third of the warm-up until the kill (JIT and pools warm by then).
        OrderBench.sleep((long) (WARMUP_SECONDS * 1000 / 3));
        Instant cpuFrom = Instant.now();
        Map<String, Long> cpu0 = clusterCpu();
        OrderBench.sleep((long) (WARMUP_SECONDS * 1000 * 2 / 3));
        Map<String, Long> cpu = Procs.delta(cpu0, clusterCpu());
        Instant cpuTo = Instant.now();
        Map<String, String> rss = clusterRss();

        // The faults, together: one SIGKILL per victim, all in one command.
        phase.set(1);
        List<String> pids = new ArrayList<>();
        for (String v : victims) {
            long pid = Procs.pid(PIDS.resolve(v + ".pid"));
            if (pid <= 0 || ProcessHandle.of(pid).isEmpty()) {
                throw new IllegalStateException(v + " is not running (pid file " + PIDS.resolve(v + ".pid") + ")");
            }
            pids.add(Long.toString(pid));
        }
        List<String> kill = new ArrayList<>(List.of("kill", "-KILL"));
        kill.addAll(pids);
        Instant killed = Instant.now();
        victimsDead.set(true);
        OrderBench.run(REPO, kill.toArray(String[]::new));
        for (String v : victims) {
            Files.deleteIfExists(PIDS.resolve(v + ".pid"));
        }
        log("SIGKILL: %s (pids %s); the survivors serve alone for %.0f s", victims, pids, FAULT_SECONDS);
        OrderBench.sleep((long) (FAULT_SECONDS * 1000));
        String during = OrderBench.run(REPO, SCRIPT.toString(), "status");

        // Back: the killed ones started again (the script waits until each is ready).
        Instant restarted = Instant.now();
        String startOut = OrderBench.run(REPO, SCRIPT.toString(), "start");
        Instant ready = Instant.now();
        victimsDead.set(false);
        String after = OrderBench.run(REPO, SCRIPT.toString(), "status");
        boolean allBack = !after.contains("DOWN");
        log("restarted: ready %.1f s after the start (%s)", secs(restarted, ready), allBack ? "all eleven up" : "NOT ALL UP");
        phase.set(2);
        OrderBench.sleep((long) (AFTER_SECONDS * 1000));
        stop.set(true);
        arrivals.join();
        searcher.join(5000);
        Instant loadStopped = Instant.now();
        log("load stopped; waiting for every order to reach the end of its plan");
        boolean settled = OrderBench.awaitSettled(load.snapshot(), Duration.ofSeconds(150));
        load.tracker.stop();
        Invariants inv = OrderBench.converged(load.snapshot(), actors, true);

        // Decisions: the longest gap between consecutive ones from the kill until the load stopped (counting from
        // the last decision before the kill), and before the kill for comparison.
        List<Order> all = load.snapshot();
        List<Instant> decisions = all.stream().map(o -> o.decidedAt).filter(Objects::nonNull).sorted().toList();
        Gap faultGap = longestGap(decisions, killed, loadStopped);
        Gap warmGap = longestGap(decisions, started, killed);
        boolean gapOk = faultGap.seconds() <= MAX_GAP_SECONDS;
        List<Order> window = all.stream().filter(o -> !o.intended.isBefore(killed) && o.intended.isBefore(ready)).toList();
        List<Order> warm = all.stream().filter(o -> o.phase == 0).toList();
        long decidedInFault = decisions.stream().filter(d -> !d.isBefore(killed) && d.isBefore(restarted)).count();
        long rejected = all.stream().filter(o -> "REJECTED".equals(o.state)).count();
        long timeouts = all.stream().filter(o -> "REJECTED".equals(o.state) && o.endReason != null && o.endReason.contains("TIMEOUT")).count();
        long notPlaced = all.stream().filter(o -> "NOT_PLACED".equals(o.state)).count();
        long retriedPosts = all.stream().filter(o -> o.postAttempts > 1).count();

        report.append("- `deploy/cluster.sh up` time to ready: ").append(upTimes()).append('\n')
                .append("- steady %.0f orders/s over both order-service instances (round robin; a failed POST is sent again with its Idempotency-Key to the other), %d buyers, 10 %% cancelled after confirmation, 10 %% delivered to COMPLETED; JDBC pool %s per instance\n"
                        .formatted(RATE, actors.buyers.size(), System.getProperty("bench.cluster-pool", "?")))
                .append("- after %.0f s: **SIGKILL, together, of %s** at %s; left dead %.0f s (the survivors alone), then `deploy/cluster.sh start`: **ready %.1f s later**%s; load %.0f s more\n"
                        .formatted(WARMUP_SECONDS, String.join(", ", victims), killed, FAULT_SECONDS, secs(restarted, ready),
                                allBack ? "" : " (**not all up again**)", AFTER_SECONDS))
                .append("\n| | before the kill (warm-up) | from the kill until all were ready again |\n|---|---|---|\n")
                .append("| orders arrived | %d | %d |%n".formatted(warm.size(), window.size()))
                .append("| arrival→decided p50 / p99 / max | %s | %s |%n".formatted(decidedFigures(warm), decidedFigures(window)))
                .append("| place→CONFIRMED p50 / p99 / p99.9 / max ms | %s | %s |%n".formatted(Figures.ms(Figures.placeToConfirmed(warm)),
                        Figures.ms(Figures.placeToConfirmed(window))))
                .append("| longest gap between consecutive decisions | %s | **%s** (kill → load stopped) |%n".formatted(warmGap.render(killed), faultGap.render(killed)))
                .append("| decisions while the victims were dead | – | %d in %.0f s (%.1f /s) |%n".formatted(decidedInFault, secs(killed, restarted),
                        decidedInFault / Math.max(0.001, secs(killed, restarted))))
                .append("\n- decisions never stalled more than %.0f s: %s (longest %s)\n".formatted(MAX_GAP_SECONDS, gapOk ? "**held**" : "**BROKEN**", faultGap.render(killed)))
                .append("- orders: %d in all; REJECTED %d (TIMEOUT %d); not placed %d; POSTs retried %d (POST retries %d), failed actions %d; all at the end of their plan within 150 s of the load's end: %s\n"
                        .formatted(all.size(), rejected, timeouts, notPlaced, retriedPosts, load.postErrors.get(), load.actionErrors.get(), settled ? "yes" : "**no**"));
        long cpuOrders = all.stream().filter(o -> !o.intended.isBefore(cpuFrom) && o.intended.isBefore(cpuTo)).count();
        report.append("\n### CPU per order in the steady state (%.0f s before the kill, %d orders; both instances of a service together) and memory\n\n"
                        .formatted(secs(cpuFrom, cpuTo), cpuOrders))
                .append("| process | CPU ms per order | CPU share of one core at this rate | RSS at the kill (a / b) |\n|---|---|---|---|\n");
        for (Map.Entry<String, Long> e : cpu.entrySet()) {
            double perOrder = e.getValue() / (double) Math.max(1, cpuOrders);
            report.append("| %s | %.2f | %.0f %% | %s |%n".formatted(e.getKey(), perOrder,
                    100.0 * e.getValue() / Math.max(1, Duration.between(cpuFrom, cpuTo).toMillis()), rss.getOrDefault(e.getKey(), "")));
        }
        report.append("- net-price searches (a buyer, once a second, round robin over the catalog instances, the other tried when one is unreachable): %d, failed %d, answered with list prices because voucher-service could not quote %d (%d of them while the victims were dead)\n"
                .formatted(search.get(0), search.get(1), search.get(2), search.get(3)));
        report.append("\n### Calls each instance answered (its access log, the whole run including `up`'s demo data)\n\n")
                .append(callsSpread());
        report.append("\n### Invariants (the *_cluster databases)\n\n").append(inv.render());
        report.append("\n<details><summary>deploy/cluster.sh status: before, while the victims were dead, after the restart</summary>\n\n```\n")
                .append(before.strip()).append("\n\n--- dead:\n").append(during.strip()).append("\n\n--- restarted:\n").append(after.strip())
                .append("\n```\n\n`deploy/cluster.sh start`:\n\n```\n").append(startOut.strip()).append("\n```\n</details>\n");
        boolean ok = inv.ok() && gapOk && allBack && settled && notPlaced == 0;
        report.append("\n**Result: ").append(ok ? "passed" : "FAILED").append("**\n");
        OrderBench.append("CLUSTER.md", report);
        System.out.println(report);
        return ok ? 0 : 1;
    }

    /** Which instance answered what: both must have, and a restarted one again (lines of the access log). */
    static String callsSpread() {
        String[][] calls = {
                {"catalog-service", "GET /api/offerings/", "offering reads (order-service placing, via Stork)"},
                {"order-service", "POST /api/orders ", "orders placed (the load, round robin)"},
                {"voucher-service", "POST /api/quotes/batch", "quotes (catalog-service's net-price search, via Stork)"},
                {"voucher-service", "GET /api/redemptions", "redemptions (settlement-service's reconciliation, via Stork)"}};
        StringBuilder sb = new StringBuilder("| call | instance a | instance b |\n|---|---|---|\n");
        for (String[] c : calls) {
            sb.append("| `").append(c[1].strip()).append("` ").append(c[2]).append(" |");
            for (String inst : List.of("a", "b")) {
                long n = 0;
                try (var lines = Files.lines(REPO.resolve(".run/cluster/logs/" + c[0] + "-" + inst + ".log"))) {
                    n = lines.filter(l -> l.contains("\"" + c[1])).count();
                } catch (Exception e) {
                    n = -1;
                }
                sb.append(' ').append(n).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static final List<String> GROUPS = List.of("catalog-service", "order-service", "voucher-service", "settlement-service", "kafka");

    /** CPU milliseconds so far of the cluster's processes, summed per service (both instances) and for the three brokers; the machine's too. */
    static Map<String, Long> clusterCpu() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String g : GROUPS) {
            long sum = 0;
            for (String n : members(g)) {
                sum += Procs.cpuOf(Procs.pid(PIDS.resolve(n + ".pid")));
            }
            m.put(g.equals("kafka") ? "kafka (3 brokers)" : g, sum);
        }
        m.put("bench (this load generator)", Procs.cpuOf(ProcessHandle.current().pid()));
        m.put("machine (all processes, 2 cores)", Procs.machine());
        return m;
    }

    static Map<String, String> clusterRss() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String g : GROUPS) {
            List<String> mb = new ArrayList<>();
            for (String n : members(g)) {
                long kb = -1;
                try {
                    for (String line : Files.readAllLines(Path.of("/proc/" + Procs.pid(PIDS.resolve(n + ".pid")) + "/status"))) {
                        if (line.startsWith("VmRSS:")) {
                            kb = Long.parseLong(line.replaceAll("\\D", ""));
                        }
                    }
                } catch (Exception e) {
                    // gone
                }
                mb.add(kb < 0 ? "?" : (kb / 1024) + " MB");
            }
            m.put(g.equals("kafka") ? "kafka (3 brokers)" : g, String.join(" / ", mb));
        }
        return m;
    }

    private static List<String> members(String group) {
        return group.equals("kafka") ? List.of("kafka-1", "kafka-2", "kafka-3") : List.of(group + "-a", group + "-b");
    }

    record Gap(double seconds, Instant from, Instant to) {
        String render(Instant ref) {
            if (from == null) {
                return "–";
            }
            return "%.2f s (%+.1f → %+.1f s from the kill)".formatted(seconds, secs(ref, from), secs(ref, to));
        }
    }

    /** Over the decisions in [from, to], counting from the last one before {@code from}; the time to {@code to} after the last one too. */
    static Gap longestGap(List<Instant> sorted, Instant from, Instant to) {
        Instant prev = null;
        Gap best = new Gap(0, null, null);
        for (Instant d : sorted) {
            if (d.isBefore(from)) {
                prev = d;
                continue;
            }
            if (d.isAfter(to)) {
                break;
            }
            if (prev != null) {
                double g = secs(prev, d);
                if (g > best.seconds()) {
                    best = new Gap(g, prev, d);
                }
            }
            prev = d;
        }
        if (prev != null && secs(prev, to) > best.seconds()) { // nothing decided from the last one until the end
            best = new Gap(secs(prev, to), prev, to);
        }
        return best;
    }

    static String decidedFigures(List<Order> orders) {
        Histogram h = Figures.histogram(orders, o -> Figures.between(o.intended, o.decidedAt));
        if (h.getTotalCount() == 0) {
            return "–";
        }
        return "%.2f / %.2f / %.2f s".formatted(h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(99) / 1e6, h.getMaxValue() / 1e6);
    }

    static String upTimes() {
        String s = System.getProperty("bench.cluster-up-times", "");
        return s.isBlank() ? "(not recorded)" : s.replace(";", " s; ").replaceAll("; $", "").strip();
    }

    static double secs(Instant a, Instant b) {
        return Duration.between(a, b).toMillis() / 1000.0;
    }
}
