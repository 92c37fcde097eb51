package org.suanli.voucher.hold;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.List;

/**
 * Batch inserts of new holds and their ledger lines: holds arrive by the hundred per poll, and one
 * multi-row statement costs what a single row would.
 */
final class HoldRows {

    private HoldRows() {
    }

    /** Which of these orders already have a hold (one statement with an array parameter). */
    static List<String> existing(EntityManager em, List<String> orderIds) {
        List<String> found = new java.util.ArrayList<>();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement q = c.prepareStatement("select order_id from subsidy_hold where order_id = any(?)")) {
                q.setArray(1, c.createArrayOf("text", orderIds.toArray()));
                try (java.sql.ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
            }
        });
        return found;
    }

    static void insert(EntityManager em, List<SubsidyHold> holds, List<BudgetMovement> lines) {
        if (holds.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement h = c.prepareStatement("""
                    insert into subsidy_hold (order_id, buyer_id, program_year, contract_date, policy_code, category,
                        facility_type, zhineng_mode, partner_id, estimated_amount_fen, declared_fen, suanli_rate_bp,
                        zhineng_rate_bp, suanli_held_fen, zhineng_held_fen, status, reasons, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (SubsidyHold s : holds) {
                    Timestamp at = Timestamp.from(s.createdAt);
                    h.setString(1, s.orderId);
                    h.setString(2, s.buyerId);
                    h.setInt(3, s.programYear);
                    h.setDate(4, Date.valueOf(s.contractDate));
                    h.setString(5, s.policyCode);
                    h.setString(6, s.category.name());
                    h.setString(7, s.facilityType == null ? null : s.facilityType.name());
                    h.setString(8, s.zhinengMode.name());
                    h.setString(9, s.partnerId);
                    h.setLong(10, s.estimatedAmountFen);
                    h.setLong(11, s.declaredFen);
                    h.setInt(12, s.suanliRateBp);
                    h.setInt(13, s.zhinengRateBp);
                    h.setLong(14, s.suanliHeldFen);
                    h.setLong(15, s.zhinengHeldFen);
                    h.setString(16, s.status.name());
                    h.setString(17, s.reasons);
                    h.setTimestamp(18, at);
                    h.setTimestamp(19, at);
                    h.addBatch();
                }
                h.executeBatch();
            }
            if (lines.isEmpty()) {
                return;
            }
            try (PreparedStatement m = c.prepareStatement("""
                    insert into budget_movement (order_id, buyer_id, program, program_year, kind, amount_fen, rate_bp, reasons, at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (BudgetMovement l : lines) {
                    m.setString(1, l.orderId);
                    m.setString(2, l.buyerId);
                    m.setString(3, l.program.name());
                    m.setInt(4, l.programYear);
                    m.setString(5, l.kind.name());
                    m.setLong(6, l.amountFen);
                    m.setInt(7, l.rateBp);
                    m.setString(8, l.reasons);
                    m.setTimestamp(9, Timestamp.from(l.at));
                    m.addBatch();
                }
                m.executeBatch();
            }
        });
    }
}
