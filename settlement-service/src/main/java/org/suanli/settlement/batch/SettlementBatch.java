package org.suanli.settlement.batch;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** A partner's settlement for one month. Totals are null while OPEN and frozen when it closes. */
@Entity
@Table(name = "settlement_batch")
public class SettlementBatch extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "partner_id", nullable = false, updatable = false)
    public String partnerId;

    /** YYYY-MM, Asia/Shanghai. */
    @Column(nullable = false, updatable = false, columnDefinition = "char(7)")
    public String period;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BatchStatus status = BatchStatus.OPEN;

    @Column(name = "entry_count")
    public Integer entryCount;

    @Column(name = "buyer_paid_fen")
    public Long buyerPaidFen;

    @Column(name = "suanli_fen")
    public Long suanliFen;

    @Column(name = "zhineng_fen")
    public Long zhinengFen;

    @Column(name = "total_fen")
    public Long totalFen;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "paid_at")
    public Instant paidAt;

    @Column(name = "paid_by")
    public String paidBy;

    @Column(name = "payment_reference")
    public String paymentReference;

    @Column(name = "created_at", nullable = false, updatable = false, insertable = false)
    public Instant createdAt;

    @Version
    public int version;
}
