package org.suanli.bench.orders;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.suanli.bench.orders.Actors.log;
import static org.suanli.bench.orders.OrderBench.REPO;
import static org.suanli.bench.orders.OrderBench.INFRA_RUN;

/**
 * Issue #11's fault test: a steady 12 orders/s (a tenth cancelled, a tenth delivered) while, one after
 * another, each service is SIGKILLed, then the Kafka broker, then PostgreSQL is stopped immediately — each
 * down ~3 s and then started again. Per fault: time to ready, time to drain, place→decided of the orders
 * that arrived meanwhile; then the recovery bound (decided within the outage + 15 s, none REJECTED for
 * TIMEOUT) and every invariant. A broken one fails the run.
 */
final class FaultTest {

    static final double RATE = Double.parseDouble(System.getProperty("bench.fault-rate", "12"));
    static final long DOWN_MS = Long.getLong("bench.fault-down-ms", 3000);
    static final long BOUND_SLACK_S = 15;
    static final Path INFRA_REPO = INFRA_RUN.getParent();

    record Fault(String name, String what) {
    }

    record Outcome(Fault fault, Instant killed, Instant restarted, Instant ready, Instant drained, int orders,
                   String decided, long overBound, long timeouts) {
    }

    int run() throws Exception {
        Instant started = Instant.now();
        StringBuilder report = new StringBuilder();
        OrderBench.header(report, "Fault run of", started);
        Actors actors = Actors.setUp(OrderBench.BUYERS, 50_000);
        Load load = new Load(actors);
        AtomicInteger phase = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        Thread arrivals = load.background(RATE, phase::get, stop::get);
        log("steady load: %.0f orders/s; 20 s before the first fault", RATE);
        OrderBench.sleep(20_000);

        List<Fault> faults = new ArrayList<>();
        for (String s : Procs.SERVICES) {
            faults.add(new Fault(s, "SIGKILL"));
        }
        faults.add(new Fault("kafka", "SIGKILL of the broker"));
        faults.add(new Fault("postgresql", "pg_ctlcluster 15 main stop -m immediate"));
        List<Outcome> outcomes = new ArrayList<>();
        boolean allUp = true;
        for (Fault f : faults) {
            phase.incrementAndGet();
            Instant killed = Instant.now();
            log("fault: %s (%s)", f.name(), f.what());
            kill(f);
            OrderBench.sleep(DOWN_MS);
            Instant restarted = Instant.now();
            String out = restart(f);
            boolean up = awaitReady(Duration.ofSeconds(180));
            Instant ready = Instant.now();
            allUp &= up;
            log("%s: ready %.1f s after the restart (%s)", f.name(), secs(restarted, ready), up ? "all four services ready" : "NOT READY: " + out);
            phase.incrementAndGet(); // orders from here on are after the fault window
            // Drained: every order that arrived up to the moment all was ready again has been decided.
            List<Order> before = load.snapshot().stream().filter(o -> !o.intended.isAfter(ready)).toList();
            Instant deadline = Instant.now().plusSeconds(180);
            while (Instant.now().isBefore(deadline) && !before.stream().allMatch(o -> o.decided() || "NOT_PLACED".equals(o.state))) {
                OrderBench.sleep(100);
            }
            Instant drained = before.stream().map(o -> o.decidedAt).filter(java.util.Objects::nonNull)
                    .max(Instant::compareTo).orElse(ready);
            boolean allDecided = before.stream().allMatch(Order::decided);
            List<Order> window = before.stream().filter(o -> !o.intended.isBefore(killed)).toList();
            Instant bound = ready.plusSeconds(BOUND_SLACK_S);
            long over = window.stream().filter(o -> o.decidedAt == null || o.decidedAt.isAfter(bound)).count();
            long timeouts = load.snapshot().stream().filter(o -> "REJECTED".equals(o.state) && o.endReason != null
                    && o.endReason.contains("TIMEOUT")).count();
            var h = Figures.histogram(window, o -> Figures.between(o.intended, o.decidedAt));
            String decided = h.getTotalCount() == 0 ? "–" : "%.1f / %.1f s".formatted(h.getValueAtPercentile(50) / 1e6, h.getMaxValue() / 1e6);
            outcomes.add(new Outcome(f, killed, restarted, ready, allDecided ? drained : null, window.size(), decided, over, timeouts));
            log("%s: drained %s s after the kill; orders meanwhile %d, arrival→decided p50/max %s; over the bound %d",
                    f.name(), allDecided ? "%.1f".formatted(secs(killed, drained)) : "NOT", window.size(), decided, over);
            OrderBench.sleep(10_000); // a pause between faults
        }
        stop.set(true);
        arrivals.join();
        log("load stopped; waiting for every order to reach the end of its plan");
        OrderBench.awaitSettled(load.snapshot(), Duration.ofSeconds(120));
        load.tracker.stop();
        String infra = OrderBench.run(INFRA_REPO, "deploy/infra.sh", "status");
        Invariants inv = OrderBench.converged(load.snapshot(), actors, true);

        boolean boundOk = allUp;
        report.append("- steady %.0f orders/s (10 %% cancelled after confirmation, 10 %% delivered to COMPLETED), %d buyers; each fault down %.1f s, then restarted\n"
                        .formatted(RATE, actors.buyers.size(), DOWN_MS / 1000.0))
                .append("- ready = from the restart until the component and all four services answer ready; drained = from the kill until every order that arrived before ready was decided; arrival→decided = from the order's intended send time (POSTs retried with the same Idempotency-Key while order-service or PostgreSQL is away) to its CONFIRMED/REJECTED in order-service's history\n\n")
                .append("| fault | ready after restart | down (kill → ready) | drained after kill | orders meanwhile | arrival→decided p50 / max | decided after outage + 15 s | REJECTED TIMEOUT (run so far) |\n|---|---|---|---|---|---|---|---|\n");
        for (Outcome o : outcomes) {
            boundOk &= o.drained() != null && o.overBound() == 0 && o.timeouts() == 0;
            report.append("| %s %s | %.1f s | %.1f s | %s | %d | %s | %d | %d |%n".formatted(o.fault().name(), o.fault().what(),
                    secs(o.restarted(), o.ready()), secs(o.killed(), o.ready()),
                    o.drained() == null ? "**not drained**" : "%.1f s".formatted(secs(o.killed(), o.drained())),
                    o.orders(), o.decided(), o.overBound(), o.timeouts()));
        }
        report.append("\n- recovery bound (every order arriving during a fault decided within the outage + 15 s, none REJECTED for TIMEOUT): ")
                .append(boundOk ? "**held**" : "**BROKEN**").append('\n');
        report.append("- orders: %d, POST retries %d, failed actions %d%n".formatted(load.snapshot().size(), load.postErrors.get(), load.actionErrors.get()));
        report.append("\n### Invariants\n\n").append(inv.render());
        report.append("\n<details><summary>deploy/infra.sh status afterwards</summary>\n\n```\n").append(infra.strip()).append("\n```\n</details>\n");
        OrderBench.append("FAULTS.md", report);
        System.out.println(report);
        return inv.ok() && boundOk ? 0 : 1;
    }

    private void kill(Fault f) throws Exception {
        switch (f.name()) {
            case "kafka" -> {
                long pid = Procs.pid(INFRA_RUN.resolve("pids/kafka.pid"));
                ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no broker at pid " + pid));
                OrderBench.run(REPO, "kill", "-KILL", Long.toString(pid));
            }
            case "postgresql" -> OrderBench.run(REPO, "pg_ctlcluster", "15", "main", "stop", "-m", "immediate");
            default -> OrderBench.run(REPO, "deploy/services.sh", "kill", f.name());
        }
    }

    private String restart(Fault f) throws Exception {
        return switch (f.name()) {
            case "kafka" -> OrderBench.run(INFRA_REPO, "deploy/infra.sh", "up");
            case "postgresql" -> OrderBench.run(REPO, "pg_ctlcluster", "15", "main", "start");
            default -> OrderBench.run(REPO, "deploy/services.sh", "start");
        };
    }

    private static boolean awaitReady(Duration max) {
        Instant deadline = Instant.now().plus(max);
        String[] ports = {"8081", "8082", "8083", "8084"};
        while (Instant.now().isBefore(deadline)) {
            boolean all = true;
            for (String p : ports) {
                Api.Answer a = Api.call("GET", "http://127.0.0.1:" + p + "/q/health/ready", null, null);
                all &= a.status() == 200;
            }
            if (all) {
                return true;
            }
            OrderBench.sleep(200);
        }
        return false;
    }

    private static double secs(Instant a, Instant b) {
        return Duration.between(a, b).toMillis() / 1000.0;
    }
}
