package org.suanli.voucher.buyer;

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
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.suanli.voucher.policy.BuyerType;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** A buyer the bureau has registered: who it is decides which vouchers it may get and at what rate. */
@Entity
@Table(name = "buyer")
public class Buyer extends PanacheEntityBase {

    /** The {@code enterprise_id} claim its users carry. */
    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    /** 统一社会信用代码: 18 characters; equal codes of buyer and seller make a related party. */
    @Column(name = "credit_code", nullable = false, unique = true)
    public String creditCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "buyer_type", nullable = false)
    public BuyerType type;

    @Column(nullable = false)
    public boolean sme;

    @Column(name = "foundation_model", nullable = false)
    public boolean foundationModel;

    @Column(name = "cap_override_fen")
    public Long capOverrideFen;

    /** 法定代表人, the registered address and a contact (phone or e-mail): compared with the seller's (fraud signals). */
    @Column(name = "legal_representative")
    public String legalRepresentative;

    @Column
    public String address;

    @Column
    public String contact;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "buyer_related_party", joinColumns = @JoinColumn(name = "buyer_id"))
    @Column(name = "credit_code")
    public Set<String> relatedPartyCreditCodes = new HashSet<>();

    @Version
    public int version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt = Instant.now();

    /** docs/POLICY.md "Related parties": same credit code as the seller, or recorded by the bureau as related. */
    public boolean isRelatedTo(String sellerCreditCode) {
        return sellerCreditCode != null
                && (sellerCreditCode.equals(creditCode) || relatedPartyCreditCodes.contains(sellerCreditCode));
    }
}
