package org.suanli.catalog.partner;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A compute centre (算力伙伴) and where it stands with the bureau. */
@Entity
@Table(name = "partner")
public class Partner extends PanacheEntityBase {

    /** The {@code partner_id} claim its users carry. */
    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(name = "credit_code", nullable = false, unique = true)
    public String creditCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PartnerStatus status;

    /** 法定代表人, the registered address and a contact, as declared in the application (optional). */
    @Column(name = "legal_representative")
    public String legalRepresentative;

    public String address;

    public String contact;

    @Column(name = "applied_at", nullable = false)
    public Instant appliedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);

    @OneToMany(mappedBy = "partner", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("name")
    public List<Facility> facilities = new ArrayList<>();

    public boolean approved() {
        return status == PartnerStatus.APPROVED;
    }
}
