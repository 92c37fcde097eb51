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

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One journal entry: an order's completion, or a correction or clawback (追回) of it that names the entry it corrects.
 * Immutable here and in the database (a trigger refuses updates and deletes).
 */
@Entity
@Immutable
@Table(name = "journal_entry")
public class JournalEntry extends PanacheEntityBase {

    /**
     * HELD_OUT and REINSTATED move an order's amounts out of a batch (while an objection holds it) and into a later
     * one: they never change what the order moved, so sums of what orders moved leave them out
     * ({@link #WHAT_ORDERS_MOVED}).
     */
    public enum Kind {
        ORDER_COMPLETED, CORRECTION, CLAWBACK, HELD_OUT, REINSTATED;

        public boolean movesBetweenBatches() {
            return this == HELD_OUT || this == REINSTATED;
        }
    }

    /** SQL condition on {@code journal_entry}: the entries that change what an order moved. */
    public static final String WHAT_ORDERS_MOVED = "kind not in ('HELD_OUT', 'REINSTATED')";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "order_id", nullable = false)
    public String orderId;

    @Column(name = "corrects_entry_id")
    public Long correctsEntryId;

    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "batch_id", nullable = false)
    public Long batchId;

    @Column(name = "buyer_id", nullable = false)
    public String buyerId;

    @Column(name = "partner_id", nullable = false)
    public String partnerId;

    @Column(name = "offering_id")
    public String offeringId;

    @Column(name = "facility_type")
    public String facilityType;

    public String category;

    public String district;

    @Column(name = "invoice_number")
    public String invoiceNumber;

    @Column(name = "contract_date", nullable = false)
    public LocalDate contractDate;

    @Column(name = "program_year", nullable = false)
    public int programYear;

    @Column(name = "completed_month", nullable = false)
    public String completedMonth;

    @Column(name = "completed_at", nullable = false)
    public Instant completedAt;

    @Column(name = "actual_amount_fen", nullable = false)
    public long actualAmountFen;

    @Column(name = "buyer_pays_fen", nullable = false)
    public long buyerPaysFen;

    @Column(name = "suanli_fen", nullable = false)
    public long suanliFen;

    @Column(name = "zhineng_fen", nullable = false)
    public long zhinengFen;

    @Column(name = "partner_owed_fen", nullable = false)
    public long partnerOwedFen;

    public String reason;

    /** A clawback's evidence (e.g. the case file of the forged invoice); null otherwise. */
    @Column(name = "evidence_ref")
    public String evidenceRef;

    @Column(name = "posted_by", nullable = false)
    public String postedBy;

    @Column(name = "posted_at", nullable = false)
    public Instant postedAt;

    public OrderAmounts amounts() {
        return new OrderAmounts(buyerPaysFen, suanliFen, zhinengFen);
    }
}
