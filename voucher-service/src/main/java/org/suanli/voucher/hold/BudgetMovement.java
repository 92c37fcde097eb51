package org.suanli.voucher.hold;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.suanli.voucher.budget.Program;

import java.time.Instant;

/** One line of the append-only budget ledger: every fen held, redeemed or released, traceable to its order. */
@Entity
@Table(name = "budget_movement")
public class BudgetMovement extends PanacheEntityBase {

    /** CLAWBACK: taken back from redeemed (recovered to the treasury). */
    public enum Kind { HOLD, REDEEM, RELEASE, CLAWBACK }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "budget_movement_seq")
    @SequenceGenerator(name = "budget_movement_seq", sequenceName = "budget_movement_seq", allocationSize = 50)
    public Long id;

    @Column(name = "order_id", nullable = false)
    public String orderId;

    @Column(name = "buyer_id", nullable = false)
    public String buyerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Program program;

    @Column(name = "program_year", nullable = false)
    public int programYear;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "amount_fen", nullable = false)
    public long amountFen;

    @Column(name = "rate_bp", nullable = false)
    public int rateBp;

    @Column(nullable = false)
    public String reasons = "";

    @Column(nullable = false)
    public Instant at;

    public static BudgetMovement of(SubsidyHold hold, Program program, Kind kind, long amountFen, int rateBp, Instant at) {
        BudgetMovement m = new BudgetMovement();
        m.orderId = hold.orderId;
        m.buyerId = hold.buyerId;
        m.program = program;
        m.programYear = hold.programYear;
        m.kind = kind;
        m.amountFen = amountFen;
        m.rateBp = rateBp;
        m.reasons = hold.reasons;
        m.at = at;
        return m;
    }
}
