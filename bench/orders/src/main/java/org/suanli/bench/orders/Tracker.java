package org.suanli.bench.orders;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Follows order-service's transition history (order_history, read-only JDBC) so every figure of the run
 * is the server's own timestamps, and so the bench learns when to cancel or deliver. Ids are assigned at
 * insert but rows become visible at commit, so rows are read from a watermark below which every id has
 * been seen; a gap (a rolled-back insert, or a late commit) is passed over after 5 s and looked for again.
 */
final class Tracker implements Runnable {

    static final String ORDERS_DB = System.getProperty("bench.orders-db", "jdbc:postgresql://127.0.0.1:5432/orders");

    private final Map<String, Order> byId = new ConcurrentHashMap<>();
    /** Transitions of ids the bench did not know yet (the POST's answer still on its way). */
    private final Map<String, List<Object[]>> early = new ConcurrentHashMap<>();
    private final Consumer<Order> onConfirmed;
    private final TreeMap<Long, Long> seenAbove = new TreeMap<>(); // id → nanos when first seen
    private long low;
    /** Ids passed over by the watermark, never seen (id → nanos when passed over): looked for again. */
    private final Map<Long, Long> gaps = new java.util.HashMap<>();
    private volatile boolean running = true;
    volatile Instant lastPoll = Instant.EPOCH;
    /** Statements this tracker ran on the orders database (each its own transaction): the bench's, not the service's. */
    final java.util.concurrent.atomic.AtomicLong statements = new java.util.concurrent.atomic.AtomicLong();

    Tracker(Consumer<Order> onConfirmed) throws SQLException {
        this.onConfirmed = onConfirmed;
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select coalesce(max(id), 0) from order_history")) {
            r.next();
            low = r.getLong(1);
        }
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(ORDERS_DB, "orders", "orders");
    }

    void register(Order o) {
        byId.put(o.id, o);
        List<Object[]> before = early.remove(o.id);
        if (before != null) {
            synchronized (before) {
                for (Object[] t : before) {
                    o.transition((String) t[0], (Instant) t[1], (String) t[2]);
                }
            }
        }
        if (o.takeAction()) {
            onConfirmed.accept(o);
        }
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        Connection c = null;
        while (running) {
            try {
                if (c == null) {
                    c = connect();
                }
                poll(c);
                lastPoll = Instant.now();
                Thread.sleep(100);
            } catch (SQLException e) { // PostgreSQL away (a fault test): connect again shortly
                close(c);
                c = null;
                sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
        close(c);
    }

    private void poll(Connection c) throws SQLException {
        lateRows(c);
        try (PreparedStatement ps = c.prepareStatement(
                "select id, order_id, to_state, at, reason from order_history where id > ? order by id limit 20000")) {
            ps.setLong(1, low);
            statements.incrementAndGet();
            try (ResultSet r = ps.executeQuery()) {
                long now = System.nanoTime();
                while (r.next()) {
                    long id = r.getLong(1);
                    if (seenAbove.putIfAbsent(id, now) != null) {
                        continue;
                    }
                    apply(r.getString(2), r.getString(3), r.getTimestamp(4).toInstant(), r.getString(5));
                }
            }
        }
        long now = System.nanoTime();
        while (!seenAbove.isEmpty()) {
            Map.Entry<Long, Long> first = seenAbove.firstEntry();
            if (first.getKey() == low + 1 || now - first.getValue() > 5_000_000_000L) {
                for (long gap = low + 1; gap < first.getKey(); gap++) {
                    gaps.put(gap, now);
                }
                low = first.getKey();
                seenAbove.pollFirstEntry();
            } else {
                break;
            }
        }
    }

    /**
     * Rows of ids the watermark passed without seeing them: a transaction that committed more than 5 s after it
     * drew its ids (an instance starting on a starved machine) rather than one rolled back. Looked for until 120 s.
     */
    private void lateRows(Connection c) throws SQLException {
        if (gaps.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "select id, order_id, to_state, at, reason from order_history where id = any(?)")) {
            ps.setArray(1, c.createArrayOf("bigint", gaps.keySet().toArray()));
            statements.incrementAndGet();
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    gaps.remove(r.getLong(1));
                    apply(r.getString(2), r.getString(3), r.getTimestamp(4).toInstant(), r.getString(5));
                }
            }
        }
        long now = System.nanoTime();
        gaps.values().removeIf(since -> now - since > 120_000_000_000L);
    }

    private void apply(String orderId, String to, Instant at, String reason) {
        Order o = byId.get(orderId);
        if (o == null) {
            List<Object[]> list = early.computeIfAbsent(orderId, k -> new ArrayList<>());
            synchronized (list) {
                list.add(new Object[]{to, at, reason});
            }
            o = byId.get(orderId); // registered meanwhile: replay what it missed
            if (o != null && early.remove(orderId) != null) {
                synchronized (list) {
                    for (Object[] t : list) {
                        o.transition((String) t[0], (Instant) t[1], (String) t[2]);
                    }
                }
            } else {
                return;
            }
        } else {
            o.transition(to, at, reason);
        }
        if (o.takeAction()) {
            onConfirmed.accept(o);
        }
    }

    private static void close(Connection c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (SQLException ignored) {
            // gone anyway
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
