package org.suanli.catalog.partner;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A partner's compute facility. Its type and the vetting facts are the bureau's, set on approval. */
@Entity
@Table(name = "facility")
public class Facility extends PanacheEntityBase {

    @Id
    public String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "partner_id")
    public Partner partner;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String district;

    @Column(name = "declared_pue", nullable = false)
    public BigDecimal declaredPue;

    /** Null until the bureau has vetted the facility. */
    @Enumerated(EnumType.STRING)
    @Column(name = "facility_type")
    public FacilityType type;

    @Column(name = "checked_pue")
    public BigDecimal checkedPue;

    @Column(name = "secure_controllable")
    public Boolean secureControllable;

    @Column(name = "pricing_reasonable")
    public Boolean pricingReasonable;

    @Column(name = "vetting_note")
    public String vettingNote;

    @Column(name = "vetted_by")
    public String vettedBy;

    @Column(name = "vetted_at")
    public Instant vettedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "facility_accelerator", joinColumns = @JoinColumn(name = "facility_id"))
    public List<Accelerator> accelerators = new ArrayList<>();

    public boolean vetted() {
        return type != null;
    }

    public Optional<Accelerator> installed(String model) {
        return accelerators.stream().filter(a -> a.model.equalsIgnoreCase(model)).findFirst();
    }
}
