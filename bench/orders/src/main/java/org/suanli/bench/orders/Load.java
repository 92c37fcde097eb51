package org.suanli.bench.orders;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The open model: orders arrive at fixed, evenly spaced times whatever the system answers, each sent
 * asynchronously at its time, so a slow answer never delays the next arrival (no coordinated omission),
 * and each POST's latency counts from when it was meant to be sent. A failed POST (no connection, 5xx)
 * is sent again with the same Idempotency-Key, as a client would, and its wait counts too.
 */
final class Load {

    static final double CANCEL_SHARE = 0.10;
    static final double DELIVER_SHARE = 0.10;
    static final Duration GIVE_UP = Duration.ofSeconds(Long.getLong("bench.retry-seconds", 120));

    private final Actors actors;
    final Tracker tracker;
    private final Random random = new Random(42);
    private final AtomicLong seq = new AtomicLong();
    final List<Order> all = Collections.synchronizedList(new ArrayList<>());
    final AtomicLong postErrors = new AtomicLong();
    final AtomicLong actionErrors = new AtomicLong();

    Load(Actors actors) throws Exception {
        this.actors = actors;
        this.tracker = new Tracker(this::act);
        Thread t = new Thread(tracker, "tracker");
        t.setDaemon(true);
        t.start();
    }

    /** Orders at {@code rate} per second for {@code seconds}, in phase {@code phase}; returns them once all are sent. */
    List<Order> run(int phase, double rate, double seconds) {
        long n = Math.round(rate * seconds);
        List<Order> sent = new ArrayList<>();
        long period = Math.round(1e9 / rate);
        long t0 = System.nanoTime() + 20_000_000L;
        Instant w0 = Instant.now().plusNanos(20_000_000L);
        for (long i = 0; i < n; i++) {
            long at = t0 + i * period;
            long wait;
            while ((wait = at - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            sent.add(send(phase, w0.plusNanos(i * period), at));
        }
        return sent;
    }

    /** Runs until {@code stop} says so, at {@code rate}, labelling each order with the phase {@code phase} gives. */
    Thread background(double rate, Supplier<Integer> phase, java.util.function.BooleanSupplier stop) {
        Thread t = new Thread(() -> {
            long period = Math.round(1e9 / rate);
            long t0 = System.nanoTime() + 20_000_000L;
            Instant w0 = Instant.now().plusNanos(20_000_000L);
            for (long i = 0; !stop.getAsBoolean(); i++) {
                long at = t0 + i * period;
                long wait;
                while ((wait = at - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                send(phase.get(), w0.plusNanos(i * period), at);
            }
        }, "arrivals");
        t.start();
        return t;
    }

    private Order send(int phase, Instant intended, long intendedNanos) {
        double d = random.nextDouble();
        Order.Plan plan = d < CANCEL_SHARE ? Order.Plan.CANCEL : d < CANCEL_SHARE + DELIVER_SHARE ? Order.Plan.DELIVER : Order.Plan.KEEP;
        Actors.Buyer buyer = actors.buyers.get(random.nextInt(actors.buyers.size()));
        Actors.Offering offering = actors.offerings.get(random.nextInt(actors.offerings.size()));
        Order o = new Order(seq.incrementAndGet(), phase, plan, buyer, offering, intended, intendedNanos);
        all.add(o);
        Instant start = Instant.now().plus(2, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        String body = """
                {"offeringId":"%s","gpuHours":"1.0","windowStart":"%s","windowEnd":"%s","zhinengMode":"NONE"}"""
                .formatted(offering.id(), start, start.plus(7, ChronoUnit.DAYS));
        String key = UUID.randomUUID().toString();
        post(o, body, key, Api.order());
        return o;
    }

    /** To {@code base}; a retry goes to order-service's next instance (the same one on the single stack). */
    private void post(Order o, String body, String key, String base) {
        o.postAttempts++;
        HttpRequest r = Api.request("POST", base + "/api/orders", o.buyer.user().token(), body,
                Map.of("Idempotency-Key", key));
        Api.async(r).thenAccept(a -> {
            if (a.ok()) {
                o.postLatencyMicros = (System.nanoTime() - o.intendedNanos) / 1000;
                o.postStatus = a.status();
                o.id = a.body().path("id").asText();
                tracker.register(o);
            } else if (retryable(a.status()) && !gaveUp(o)) {
                postErrors.incrementAndGet();
                CompletableFuture.delayedExecutor(backoff(o.postAttempts), TimeUnit.MILLISECONDS).execute(() -> post(o, body, key, Api.orderAfter(base)));
            } else {
                postErrors.incrementAndGet();
                o.postStatus = a.status();
                o.postLatencyMicros = (System.nanoTime() - o.intendedNanos) / 1000;
                o.state = "NOT_PLACED";
                System.err.println("order not placed: HTTP " + a.status() + " " + a.body());
            }
        });
    }

    /** Confirmed: the buyer cancels, or the partner reports delivery of every hour, as the order's plan says. */
    private void act(Order o) {
        if (o.plan == Order.Plan.CANCEL) {
            action(o, base -> Api.request("POST", base + "/api/orders/" + o.id + "/cancel", o.buyer.user().token(),
                    "{\"reason\":\"bench: plans changed\"}", Map.of()), Api.order(), System.nanoTime());
        } else {
            Actors.User partner = actors.partners.get(o.offering.partnerId());
            String invoice = "BENCH-" + o.id.replaceAll("[^A-Za-z0-9]", "");
            action(o, base -> Api.request("POST", base + "/api/orders/" + o.id + "/delivery", partner.token(),
                    "{\"gpuHoursUsed\":\"1.0\",\"invoiceNumber\":\"" + invoice + "\"}", Map.of()), Api.order(), System.nanoTime());
        }
    }

    /** The request is made anew for each try: a retry goes to order-service's next instance. */
    private void action(Order o, java.util.function.Function<String, HttpRequest> r, String base, long since) {
        Api.async(r.apply(base)).thenAccept(a -> {
            o.actionStatus = a.status();
            if (!a.ok()) {
                actionErrors.incrementAndGet();
                if (retryable(a.status()) && System.nanoTime() - since < GIVE_UP.toNanos()) {
                    CompletableFuture.delayedExecutor(backoff(++o.actionAttempts), TimeUnit.MILLISECONDS).execute(() -> action(o, r, Api.orderAfter(base), since));
                } else {
                    System.err.println("action on " + o.id + " failed: HTTP " + a.status() + " " + a.body());
                }
            }
        });
    }

    /** 250 ms, doubling, at most 4 s: a client that waits longer each time, so retries never pile up on a slow server. */
    static long backoff(int attempt) {
        return Math.min(4000, 250L << Math.min(4, attempt - 1));
    }

    private static boolean retryable(int status) {
        return status == -1 || status >= 500;
    }

    private static boolean gaveUp(Order o) {
        return System.nanoTime() - o.intendedNanos > GIVE_UP.toNanos();
    }

    List<Order> snapshot() {
        synchronized (all) {
            return new ArrayList<>(all);
        }
    }
}
