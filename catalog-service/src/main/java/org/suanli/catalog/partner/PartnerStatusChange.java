package org.suanli.catalog.partner;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One line of a partner's vetting history: from, to, why, who, when. Never changed once written. */
@Entity
@Table(name = "partner_status_change")
public class PartnerStatusChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "partner_id", nullable = false)
    public String partnerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public PartnerStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public PartnerStatus to;

    @Column(nullable = false)
    public String reason;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
}
