package org.suanli.settlement.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.suanli.kernel.events.contract.OrderEvents;
import org.suanli.kernel.money.Money;
import org.suanli.kernel.problem.ProblemException;
import org.suanli.settlement.batch.BatchService;
import org.suanli.settlement.batch.Periods;
import org.suanli.settlement.batch.SettlementBatch;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The double-entry ledger's use cases: post a completed order, correct it, read it back. */
@ApplicationScoped
public class Ledger {

    private static final Logger LOG = Logger.getLogger(Ledger.class);

    @Inject
    EntityManager em;

    @Inject
    BatchService batches;

    /**
     * Posts a completed order: one entry, balanced postings, in the partner's open batch for the month it
     * completed. An order already posted is left alone (one completion per order, whatever is replayed).
     *
     * @return the new entry, or empty if the order was already in the ledger
     * @throws IllegalArgumentException if the event cannot be a completed order (thrown before anything is
     *                                  written; the caller sets the event aside and its transaction still commits)
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = IllegalArgumentException.class)
    public Optional<JournalEntry> postCompletion(UUID eventId, OrderEvents.Completed c) {
        validate(c);
        if (completionOf(c.orderId()).isPresent()) {
            LOG.infof("order %s is already in the ledger; completion event %s ignored", c.orderId(), eventId);
            return Optional.empty();
        }
        OrderAmounts amounts = new OrderAmounts(c.buyerPaysFen(), c.suanliFen(), c.zhinengFen());
        if (amounts.partnerOwedFen() != c.partnerOwedFen() || c.actualAmountFen() != c.partnerOwedFen()) {
            LOG.warnf("order %s: buyer %s + 算力券 %s + 智能券 %s = %s, but the event says the partner is owed %s of an "
                            + "actual amount %s; the ledger posts the parts", c.orderId(), Money.format(c.buyerPaysFen()),
                    Money.format(c.suanliFen()), Money.format(c.zhinengFen()), Money.format(amounts.partnerOwedFen()),
                    Money.format(c.partnerOwedFen()), Money.format(c.actualAmountFen()));
        }
        YearMonth month = Periods.monthOf(c.completedAt());
        SettlementBatch batch = batches.openBatchFor(c.partnerId(), month);
        JournalEntry e = new JournalEntry();
        e.kind = JournalEntry.Kind.ORDER_COMPLETED;
        e.orderId = c.orderId();
        e.eventId = eventId;
        e.batchId = batch.id;
        e.buyerId = c.buyerId();
        e.partnerId = c.partnerId();
        e.offeringId = c.offeringId();
        e.facilityType = c.facilityType();
        e.category = c.category();
        e.district = c.district();
        e.invoiceNumber = c.invoiceNumber();
        e.contractDate = c.contractDate();
        e.programYear = c.contractDate().getYear();
        e.completedMonth = Periods.format(month);
        e.completedAt = c.completedAt();
        e.actualAmountFen = c.actualAmountFen();
        e.buyerPaysFen = amounts.buyerPaysFen();
        e.suanliFen = amounts.suanliFen();
        e.zhinengFen = amounts.zhinengFen();
        e.partnerOwedFen = amounts.partnerOwedFen();
        e.postedBy = "order-events";
        e.postedAt = Instant.now();
        persistWithPostings(e, amounts);
        return Optional.of(e);
    }

    /**
     * A correction: finance states what the order should have moved (its figures after the correction, not
     * differences); the ledger posts the difference to what its entries add up to now, as a new entry naming the
     * order's completion entry. It lands in the partner's open batch of the current month. The corrected figures
     * must keep to {@link CorrectionRules}: none negative, together the order's contract amount (the actual
     * amount of its completion), and no subsidy above what voucher-service redeemed, when settlement knows it.
     */
    @Transactional
    public JournalEntry correct(String orderId, OrderAmounts target, String reason, String actor) {
        JournalEntry original = completionOf(orderId).orElseThrow(() -> ProblemException.notFound("Order in the ledger", orderId));
        CorrectionRules.check(orderId, target, original.actualAmountFen, redeemed(orderId).orElse(null));
        // corrections of one order one at a time, so each is the difference to what the previous one left
        em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtext(?1))) l").setParameter(1, "correct:" + orderId)
                .getSingleResult();
        OrderAmounts current = effective(orderId);
        OrderAmounts delta = target.minus(current);
        if (delta.isZero()) {
            throw ProblemException.unprocessable("nothing-to-correct",
                    "the ledger already holds exactly these amounts for order " + orderId);
        }
        Instant now = Instant.now();
        SettlementBatch batch = batches.openBatchFor(original.partnerId, Periods.monthOf(now));
        JournalEntry e = new JournalEntry();
        e.kind = JournalEntry.Kind.CORRECTION;
        e.orderId = orderId;
        e.correctsEntryId = original.id;
        e.batchId = batch.id;
        e.buyerId = original.buyerId;
        e.partnerId = original.partnerId;
        e.offeringId = original.offeringId;
        e.facilityType = original.facilityType;
        e.category = original.category;
        e.district = original.district;
        e.invoiceNumber = original.invoiceNumber;
        e.contractDate = original.contractDate;
        e.programYear = original.programYear;
        e.completedMonth = original.completedMonth;
        e.completedAt = original.completedAt;
        e.actualAmountFen = delta.partnerOwedFen();
        e.buyerPaysFen = delta.buyerPaysFen();
        e.suanliFen = delta.suanliFen();
        e.zhinengFen = delta.zhinengFen();
        e.partnerOwedFen = delta.partnerOwedFen();
        e.reason = reason;
        e.postedBy = actor;
        e.postedAt = now;
        persistWithPostings(e, delta);
        LOG.infof("%s corrected order %s by entry %d: %s", actor, orderId, e.id, reason);
        return e;
    }

    public Optional<JournalEntry> completionOf(String orderId) {
        return em.createQuery("from JournalEntry where orderId = ?1 and kind = ?2", JournalEntry.class)
                .setParameter(1, orderId).setParameter(2, JournalEntry.Kind.ORDER_COMPLETED)
                .getResultStream().findFirst();
    }

    public List<JournalEntry> entriesOf(String orderId) {
        return em.createQuery("from JournalEntry where orderId = ?1 order by id", JournalEntry.class)
                .setParameter(1, orderId).getResultList();
    }

    public List<PostingRow> postingsOf(long entryId) {
        return em.createQuery("from PostingRow where entryId = ?1 order by line", PostingRow.class)
                .setParameter(1, entryId).getResultList();
    }

    /**
     * What voucher-service redeemed for the order per program (buyer part zero), as the vouchers topic told this
     * service ({@code voucher_movement}); empty if no redemption of the order has been seen. A redemption records
     * a row for each program it touched, so once one is seen a program without a row redeemed nothing.
     */
    public Optional<OrderAmounts> redeemed(String orderId) {
        Object[] r = (Object[]) em.createNativeQuery("""
                        select count(*),
                               coalesce(sum(redeemed_delta_fen) filter (where program = 'SUANLI'), 0),
                               coalesce(sum(redeemed_delta_fen) filter (where program = 'ZHINENG'), 0)
                          from voucher_movement where order_id = ?1 and kind = 'REDEEMED'""")
                .setParameter(1, orderId).getSingleResult();
        if (((Number) r[0]).longValue() == 0) {
            return Optional.empty();
        }
        return Optional.of(new OrderAmounts(0, ((Number) r[1]).longValue(), ((Number) r[2]).longValue()));
    }

    /** What the order's entries add up to now (its completion plus every correction). */
    public OrderAmounts effective(String orderId) {
        return entriesOf(orderId).stream().map(JournalEntry::amounts).reduce(OrderAmounts.ZERO, OrderAmounts::plus);
    }

    /** Per account: debits, credits. Over the whole ledger debits equal credits. */
    @SuppressWarnings("unchecked")
    public List<Object[]> trialBalance(String accountPrefix) {
        return em.createNativeQuery("""
                        select account,
                               coalesce(sum(amount_fen) filter (where side = 'D'), 0),
                               coalesce(sum(amount_fen) filter (where side = 'C'), 0)
                          from posting where account like ?1 group by account order by account""")
                .setParameter(1, (accountPrefix == null ? "" : accountPrefix.replace("%", "\\%").replace("_", "\\_")) + "%")
                .getResultList();
    }

    /** Debits minus credits over the whole ledger: zero when every entry balances. */
    public long netFen() {
        return ((Number) em.createNativeQuery("""
                        select coalesce(sum(case side when 'D' then amount_fen else -amount_fen end), 0) from posting""")
                .getSingleResult()).longValue();
    }

    private void persistWithPostings(JournalEntry e, OrderAmounts amounts) {
        List<Posting> lines = DoubleEntry.postings(e.buyerId, e.partnerId, e.programYear, amounts);
        em.persist(e);
        em.flush();
        int n = 0;
        for (Posting p : lines) {
            PostingRow row = new PostingRow();
            row.entryId = e.id;
            row.line = ++n;
            row.account = p.account();
            row.side = p.side();
            row.amountFen = p.amountFen();
            row.memo = p.memo();
            em.persist(row);
        }
    }

    private static void validate(OrderEvents.Completed c) {
        if (c == null) {
            throw new IllegalArgumentException("no payload");
        }
        require(c.orderId(), "orderId");
        require(c.buyerId(), "buyerId");
        require(c.partnerId(), "partnerId");
        if (c.contractDate() == null) {
            throw new IllegalArgumentException("order " + c.orderId() + " has no contract date");
        }
        if (c.completedAt() == null) {
            throw new IllegalArgumentException("order " + c.orderId() + " has no completion time");
        }
        if (c.buyerPaysFen() < 0 || c.suanliFen() < 0 || c.zhinengFen() < 0 || c.actualAmountFen() < 0) {
            throw new IllegalArgumentException("order " + c.orderId() + " has a negative amount");
        }
        if (c.contractDate().getYear() < 2000 || c.contractDate().getYear() > 2100) {
            throw new IllegalArgumentException("order " + c.orderId() + " has an implausible contract date " + c.contractDate());
        }
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("field " + field + " is missing");
        }
    }
}
