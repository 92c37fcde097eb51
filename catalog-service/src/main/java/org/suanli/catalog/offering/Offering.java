package org.suanli.catalog.offering;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import org.suanli.catalog.partner.Facility;
import org.suanli.catalog.partner.Partner;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What a partner sells: GPU-hours of one accelerator model on one facility, for a validity window.
 * {@code reservedTenths} and {@code consumedTenths} are never written through this entity: only the
 * capacity ledger's conditional UPDATEs move them, so an edit of the offering can never overwrite a
 * reservation made meanwhile.
 */
@Entity
@Table(name = "offering")
@DynamicUpdate
public class Offering extends PanacheEntityBase {

    @Id
    public String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "partner_id")
    public Partner partner;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "facility_id")
    public Facility facility;

    @Column(name = "accelerator_model", nullable = false)
    public String acceleratorModel;

    @Column(name = "accelerators_per_unit", nullable = false)
    public int acceleratorsPerUnit;

    @Column(name = "memory_gb", nullable = false)
    public int memoryGb;

    @Column(name = "fp16_tflops", nullable = false)
    public BigDecimal fp16Tflops;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Category category;

    @Column(name = "filing_number")
    public String filingNumber;

    @Column(name = "unit_price_fen", nullable = false)
    public long unitPriceFen;

    @Column(name = "capacity_tenths", nullable = false)
    public long capacityTenths;

    @Column(name = "reserved_tenths", insertable = false, updatable = false)
    public long reservedTenths;

    @Column(name = "consumed_tenths", insertable = false, updatable = false)
    public long consumedTenths;

    @Column(name = "valid_from", nullable = false)
    public Instant validFrom;

    @Column(name = "valid_to", nullable = false)
    public Instant validTo;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OfferingStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    public long leftTenths() {
        return capacityTenths - reservedTenths - consumedTenths;
    }
}
