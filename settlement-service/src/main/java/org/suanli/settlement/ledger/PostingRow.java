package org.suanli.settlement.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** A stored posting line of a journal entry; the database checks at commit that each entry balances. */
@Entity
@Immutable
@Table(name = "posting")
public class PostingRow extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The journal entry, or null for a line of a batch's payment ({@code paymentId}). */
    @Column(name = "entry_id")
    public Long entryId;

    @Column(name = "payment_id")
    public Long paymentId;

    @Column(nullable = false)
    public int line;

    @Column(nullable = false)
    public String account;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, columnDefinition = "char(1)")
    public Posting.Side side;

    @Column(name = "amount_fen", nullable = false)
    public long amountFen;

    public String memo;
}
