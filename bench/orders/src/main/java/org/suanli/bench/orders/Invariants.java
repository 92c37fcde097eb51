package org.suanli.bench.orders;

import com.fasterxml.jackson.databind.JsonNode;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What must hold once the run's orders are decided, read straight from the services' databases (the
 * schemas of their db/migration folders): the money (budget rows = Σ holds = Σ ledger lines, per program
 * and year, and the buyers' rows), the capacity (reserved = Σ hours of the live confirmed orders, per
 * offering; consumed = Σ delivered hours), one hold per order, every order of the run decided, and the
 * settlement ledger (one entry per completed order, reconciliation clean).
 */
final class Invariants {

    final List<String> broken = new ArrayList<>();
    final List<String> held = new ArrayList<>();

    /** The databases' names end in this (deploy/cluster.sh: {@code _cluster}); the roles are the services' own. */
    static final String DB_SUFFIX = System.getProperty("bench.db-suffix", "");

    static Connection db(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + name + DB_SUFFIX, name, name);
    }

    static Invariants check(List<Order> run, Actors actors, boolean settlement) throws SQLException {
        Invariants inv = new Invariants();
        inv.decided(run);
        inv.exactlyOnce();
        inv.money();
        inv.capacity();
        inv.oneHoldPerOrder(run);
        if (settlement) {
            inv.settlement(actors);
        }
        return inv;
    }

    boolean ok() {
        return broken.isEmpty();
    }

    private void verdict(boolean ok, String what) {
        (ok ? held : broken).add(what);
    }

    private void decided(List<Order> run) {
        Map<String, Integer> byState = new HashMap<>();
        long open = 0;
        for (Order o : run) {
            byState.merge(o.state == null ? "UNKNOWN" : o.state, 1, Integer::sum);
            if (!o.settled()) {
                open++;
            }
        }
        verdict(open == 0, "every order of the run decided and at the end of its plan: %d orders %s, %d not"
                .formatted(run.size(), new java.util.TreeMap<>(byState), open));
    }

    /** From order-service's transition history (the whole database): no order reached a state twice, none both ways. */
    private void exactlyOnce() throws SQLException {
        try (Connection c = db("orders"); ResultSet r = c.createStatement().executeQuery("""
                select (select count(distinct order_id) from order_history),
                       (select count(*) from (select order_id, to_state from order_history
                                              group by order_id, to_state having count(*) > 1) d),
                       (select count(*) from (select order_id from order_history where to_state in ('CONFIRMED', 'REJECTED')
                                              group by order_id having count(distinct to_state) > 1) b)""")) {
            r.next();
            verdict(r.getLong(2) == 0 && r.getLong(3) == 0,
                    "every order ends exactly once (order_history, whole database): %d orders, %d (order, state) pairs reached twice, %d orders both confirmed and rejected"
                            .formatted(r.getLong(1), r.getLong(2), r.getLong(3)));
        }
    }

    private void money() throws SQLException {
        try (Connection c = db("voucher")) {
            try (ResultSet r = c.createStatement().executeQuery("""
                    with h as (select program_year,
                                      sum(case when status = 'HELD' then suanli_held_fen else 0 end) s_held,
                                      sum(case when status = 'REDEEMED' then suanli_redeemed_fen else 0 end) s_red,
                                      sum(case when status = 'HELD' then zhineng_held_fen else 0 end) z_held,
                                      sum(case when status = 'REDEEMED' then zhineng_redeemed_fen else 0 end) z_red
                                 from subsidy_hold group by program_year),
                         m as (select program, program_year,
                                      sum(case kind when 'HOLD' then amount_fen else -amount_fen end) held,
                                      sum(case when kind = 'REDEEM' then amount_fen else 0 end) red
                                 from budget_movement group by program, program_year)
                    select b.program, b.program_year, b.held_fen, b.redeemed_fen,
                           coalesce(case b.program when 'SUANLI' then h.s_held else h.z_held end, 0),
                           coalesce(case b.program when 'SUANLI' then h.s_red else h.z_red end, 0),
                           coalesce(m.held, 0), coalesce(m.red, 0)
                      from program_budget b left join h on h.program_year = b.program_year
                      left join m on m.program = b.program and m.program_year = b.program_year
                     order by 2, 1""")) {
                while (r.next()) {
                    long bh = r.getLong(3), br = r.getLong(4), hh = r.getLong(5), hr = r.getLong(6), mh = r.getLong(7), mr = r.getLong(8);
                    if (bh == 0 && br == 0 && hh == 0 && hr == 0 && mh == 0 && mr == 0) {
                        continue;
                    }
                    verdict(bh == hh && hh == mh && br == hr && hr == mr,
                            "%s %d budget row: held %d / redeemed %d fen; Σ holds %d / %d; Σ ledger lines %d / %d"
                                    .formatted(r.getString(1), r.getInt(2), bh, br, hh, hr, mh, mr));
                }
            }
            try (ResultSet r = c.createStatement().executeQuery("""
                    select e.program_year, e.held, e.red, coalesce(h.held, 0), coalesce(h.red, 0)
                      from (select program_year, sum(suanli_held_fen) held, sum(suanli_redeemed_fen) red
                              from enterprise_year group by program_year) e
                      left join (select program_year,
                                        sum(case when status = 'HELD' then suanli_held_fen else 0 end) held,
                                        sum(case when status = 'REDEEMED' then suanli_redeemed_fen else 0 end) red
                                   from subsidy_hold group by program_year) h on h.program_year = e.program_year
                     order by 1""")) {
                while (r.next()) {
                    verdict(r.getLong(2) == r.getLong(4) && r.getLong(3) == r.getLong(5),
                            "SUANLI %d buyers' rows: held %d / redeemed %d fen; Σ holds %d / %d"
                                    .formatted(r.getInt(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5)));
                }
            }
        }
    }

    private void capacity() throws SQLException {
        Map<String, long[]> orders = new HashMap<>(); // offering → {Σ confirmed hours, Σ delivered hours} (tenths)
        try (Connection c = db("orders"); ResultSet r = c.createStatement().executeQuery("""
                select offering_id,
                       sum(case when state = 'CONFIRMED' then gpu_hours_tenths else 0 end),
                       sum(case when state in ('DELIVERED', 'COMPLETED') then used_tenths else 0 end)
                  from orders group by offering_id""")) {
            while (r.next()) {
                orders.put(r.getString(1), new long[]{r.getLong(2), r.getLong(3)});
            }
        }
        int offerings = 0, wrong = 0;
        long reserved = 0, confirmed = 0;
        List<String> wrongOnes = new ArrayList<>();
        try (Connection c = db("catalog"); ResultSet r = c.createStatement().executeQuery("""
                select o.id, o.reserved_tenths, o.consumed_tenths, coalesce(sum(cr.requested_tenths) filter (where cr.status = 'RESERVED'), 0)
                  from offering o left join capacity_reservation cr on cr.offering_id = o.id group by o.id""")) {
            while (r.next()) {
                long[] want = orders.getOrDefault(r.getString(1), new long[2]);
                offerings++;
                reserved += r.getLong(2);
                confirmed += want[0];
                if (r.getLong(2) != want[0] || r.getLong(2) != r.getLong(4) || r.getLong(3) != want[1]) {
                    wrong++;
                    wrongOnes.add("%s reserved %d / reservations %d / confirmed orders %d, consumed %d / delivered %d (tenths of hours)"
                            .formatted(r.getString(1), r.getLong(2), r.getLong(4), want[0], r.getLong(3), want[1]));
                }
            }
        }
        verdict(wrong == 0, "capacity: %d offerings, reserved %.1f h = Σ live confirmed orders %.1f h; consumed = Σ delivered hours; %d wrong %s"
                .formatted(offerings, reserved / 10.0, confirmed / 10.0, wrong, wrongOnes));
    }

    private void oneHoldPerOrder(List<Order> run) throws SQLException {
        List<String> ids = run.stream().map(o -> o.id).filter(Objects::nonNull).toList();
        Map<String, String> expected = new HashMap<>();
        for (Order o : run) {
            if (o.id != null && o.state != null) {
                expected.put(o.id, switch (o.state) {
                    case "CONFIRMED" -> "HELD";
                    case "COMPLETED" -> "REDEEMED";
                    default -> "RELEASED"; // cancelled, rejected or expired after a hold (or no hold at all)
                });
            }
        }
        try (Connection c = db("voucher")) {
            long doubles;
            try (ResultSet r = c.createStatement().executeQuery("""
                    select count(*) from (select order_id, program from budget_movement where kind = 'HOLD'
                                           group by order_id, program having count(*) > 1) d""")) {
                r.next();
                doubles = r.getLong(1);
            }
            int holds = 0, mismatched = 0;
            List<String> examples = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select order_id, status from subsidy_hold where order_id = any (?)")) {
                Array a = c.createArrayOf("text", ids.toArray());
                ps.setArray(1, a);
                try (ResultSet r = ps.executeQuery()) {
                    Map<String, String> found = new HashMap<>();
                    while (r.next()) {
                        found.put(r.getString(1), r.getString(2));
                    }
                    holds = found.size();
                    for (Order o : run) {
                        if (o.id == null) {
                            continue;
                        }
                        String h = found.get(o.id);
                        boolean needsHold = o.confirmedAt != null;
                        if ((needsHold && h == null) || (h != null && !h.equals(expected.get(o.id)))) {
                            mismatched++;
                            if (examples.size() < 5) {
                                examples.add(o.id + " " + o.state + " hold " + h);
                            }
                        }
                    }
                }
            }
            verdict(doubles == 0 && mismatched == 0,
                    "one hold per order: %d orders of the run, %d holds, %d orders held twice (whole ledger), %d holds not matching their order %s"
                            .formatted(ids.size(), holds, doubles, mismatched, examples));
        }
    }

    private void settlement(Actors actors) throws SQLException {
        List<String> completed = new ArrayList<>();
        try (Connection c = db("orders"); ResultSet r = c.createStatement().executeQuery("select id from orders where state = 'COMPLETED'")) {
            while (r.next()) {
                completed.add(r.getString(1));
            }
        }
        try (Connection c = db("settlement")) {
            long entries, missing, extra;
            try (PreparedStatement ps = c.prepareStatement("""
                    select count(*), count(*) filter (where not (order_id = any (?))),
                           (select count(*) from unnest(?::text[]) x(id)
                             where not exists (select 1 from journal_entry j where j.order_id = x.id and j.kind = 'ORDER_COMPLETED'))
                      from journal_entry where kind = 'ORDER_COMPLETED'""")) {
                Array a = c.createArrayOf("text", completed.toArray());
                ps.setArray(1, a);
                ps.setArray(2, a);
                try (ResultSet r = ps.executeQuery()) {
                    r.next();
                    entries = r.getLong(1);
                    extra = r.getLong(2);
                    missing = r.getLong(3);
                }
            }
            verdict(entries == completed.size() && missing == 0 && extra == 0,
                    "settlement: %d completed orders, %d ORDER_COMPLETED entries (%d missing, %d without a completed order)"
                            .formatted(completed.size(), entries, missing, extra));
        }
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        Api.Answer a = Api.callAny(Api.SETTLEMENTS, "GET", "/api/reconciliation?period=" + year, actors.finance1.token(), null);
        JsonNode b = a.body();
        verdict(a.status() == 200 && b.path("clean").asBoolean(false),
                "reconciliation %d (finance1): HTTP %d, clean %s, mismatches %s, missing in ledger %d, missing in voucher %d"
                        .formatted(year, a.status(), b.path("clean").asText(), b.path("mismatchCount").asText(),
                                b.path("missingInLedger").size(), b.path("missingInVoucher").size()));
    }

    String render() {
        StringBuilder sb = new StringBuilder();
        for (String h : held) {
            sb.append("- holds: ").append(h).append('\n');
        }
        for (String b : broken) {
            sb.append("- **BROKEN**: ").append(b).append('\n');
        }
        return sb.toString();
    }
}
