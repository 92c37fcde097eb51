package org.suanli.voucher.clawback;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One clawback, append-only, keyed by the client's idempotency key: who took back what, when, why, on what evidence. */
@Entity
@Table(name = "subsidy_clawback")
public class SubsidyClawback extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "order_id", nullable = false)
    public String orderId;

    @Column(name = "suanli_fen", nullable = false)
    public long suanliFen;

    @Column(name = "zhineng_fen", nullable = false)
    public long zhinengFen;

    @Column(nullable = false)
    public String reason;

    @Column(name = "evidence_ref", nullable = false)
    public String evidenceRef;

    @Column(name = "by_user", nullable = false)
    public String by;

    @Column(nullable = false)
    public Instant at;

    /** Same key, same request: a replay, not a second clawback. */
    boolean sameRequest(String orderId, long suanliFen, long zhinengFen, String evidenceRef) {
        return this.orderId.equals(orderId) && this.suanliFen == suanliFen && this.zhinengFen == zhinengFen
                && this.evidenceRef.equals(evidenceRef);
    }
}
