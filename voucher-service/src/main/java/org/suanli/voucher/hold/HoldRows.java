package org.suanli.voucher.hold;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.suanli.kernel.jdbc.CopyRows;

import java.sql.PreparedStatement;
import java.util.List;

/**
 * Writes of new holds and their ledger lines: holds arrive by the thousand per poll, and one COPY costs
 * far less than as many inserts.
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

    /** Marks where provisional holds start, to undo them alone if the locked figures disagree. */
    static void savepoint(EntityManager em) {
        em.unwrap(Session.class).doWork(c -> {
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("savepoint provisional_holds");
            }
        });
    }

    /** Undoes everything since {@link #savepoint}: the provisional rows, and the row locks taken since. */
    static void rollbackToSavepoint(EntityManager em) {
        em.unwrap(Session.class).doWork(c -> {
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("rollback to savepoint provisional_holds");
            }
        });
    }

    static void insert(EntityManager em, List<SubsidyHold> holds, List<BudgetMovement> lines) {
        if (holds.isEmpty()) {
            return;
        }
        CopyRows h = new CopyRows();
        for (SubsidyHold s : holds) {
            h.text(s.orderId).text(s.buyerId).number(s.programYear).date(s.contractDate).text(s.policyCode)
                    .text(s.category.name()).text(s.facilityType == null ? null : s.facilityType.name())
                    .text(s.zhinengMode.name()).text(s.partnerId).number(s.estimatedAmountFen).number(s.declaredFen)
                    .number(s.suanliRateBp).number(s.zhinengRateBp).number(s.suanliHeldFen).number(s.zhinengHeldFen)
                    .text(s.status.name()).text(s.reasons).timestamp(s.createdAt).timestamp(s.updatedAt).endRow();
        }
        CopyRows m = new CopyRows();
        for (BudgetMovement l : lines) {
            m.text(l.orderId).text(l.buyerId).text(l.program.name()).number(l.programYear).text(l.kind.name())
                    .number(l.amountFen).number(l.rateBp).text(l.reasons).timestamp(l.at).endRow();
        }
        em.unwrap(Session.class).doWork(c -> {
            h.copyInto(c, "subsidy_hold", """
                    order_id, buyer_id, program_year, contract_date, policy_code, category, facility_type, zhineng_mode,
                    partner_id, estimated_amount_fen, declared_fen, suanli_rate_bp, zhineng_rate_bp, suanli_held_fen,
                    zhineng_held_fen, status, reasons, created_at, updated_at""");
            m.copyInto(c, "budget_movement", "order_id, buyer_id, program, program_year, kind, amount_fen, rate_bp, reasons, at");
        });
    }
}
