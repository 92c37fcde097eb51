package org.suanli.settlement.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.suanli.kernel.events.contract.OrderEvents;
import org.suanli.kernel.events.contract.VoucherEvents;
import org.suanli.kernel.money.Money;
import org.suanli.kernel.problem.ProblemException;
import org.suanli.settlement.batch.BatchService;
import org.suanli.settlement.batch.Periods;
import org.suanli.settlement.batch.SettlementBatch;
import org.suanli.settlement.notice.NoticeService;
import org.suanli.settlement.notice.ObjectionRules;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The double-entry ledger's use cases: post a completed order, correct it, claw its subsidy back, pay a batch, read it back. */
@ApplicationScoped
public class Ledger {

    private static final Logger LOG = Logger.getLogger(Ledger.class);

    @Inject
    EntityManager em;

    @Inject
    BatchService batches;

    @Inject
    NoticeService notices;

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
        if (c.partnerName() != null) {
            notices.rememberName(Accounts.partner(c.partnerId()), c.partnerName());
        }
        notices.publish(e, e.postedAt);
        // a clawback that arrived before the order's completion is posted now, after it
        for (Object id : em.createNativeQuery("select cast(event_id as text) from clawback where order_id = ?1 "
                        + "and entry_id is null order by clawed_at, event_id").setParameter(1, c.orderId()).getResultList()) {
            UUID clawback = UUID.fromString((String) id);
            Object[] r = (Object[]) em.createNativeQuery("select suanli_fen, zhineng_fen from clawback where event_id = ?1")
                    .setParameter(1, clawback).getSingleResult();
            try {
                requireWithinLedger(c.orderId(), ((Number) r[0]).longValue(), ((Number) r[1]).longValue());
                applyClawback(clawback, e);
            } catch (IllegalArgumentException tooMuch) {
                LOG.errorf("clawback %s left unposted: %s", clawback, tooMuch.getMessage());
            }
        }
        return Optional.of(e);
    }

    /**
     * A subsidy clawed back (追回) by voucher-service: the reversal is posted as an entry of kind CLAWBACK naming the
     * order's completion — the program's pair of lines reversed, so the partner owes the amount back — in the
     * partner's open batch, where it is netted against what the batch owes (a batch that goes below zero shows what
     * the partner owes back). Idempotent per event; a clawback of an order not yet in the ledger waits for its
     * completion. Never takes back more subsidy than the ledger holds for the order.
     *
     * @return the entry, or empty if the event was seen before or the order is not in the ledger yet
     * @throws IllegalArgumentException if the event cannot be a clawback (nothing is written)
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = IllegalArgumentException.class)
    public Optional<JournalEntry> postClawback(UUID eventId, VoucherEvents.ClawedBack c) {
        validate(c);
        Optional<JournalEntry> completion = completionOf(c.orderId());
        if (completion.isPresent()) {
            requireWithinLedger(c.orderId(), c.suanliFen(), c.zhinengFen());
        }
        int inserted = em.createNativeQuery("""
                        insert into clawback (event_id, order_id, buyer_id, partner_id, program_year, suanli_fen, zhineng_fen,
                                              reason, evidence_ref, clawed_by, clawed_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) on conflict (event_id) do nothing""")
                .setParameter(1, eventId).setParameter(2, c.orderId()).setParameter(3, c.buyerId())
                .setParameter(4, c.partnerId()).setParameter(5, c.programYear()).setParameter(6, c.suanliFen())
                .setParameter(7, c.zhinengFen()).setParameter(8, c.reason().trim()).setParameter(9, c.evidenceRef())
                .setParameter(10, c.by()).setParameter(11, c.at() == null ? Instant.now() : c.at()).executeUpdate();
        if (inserted == 0) {
            LOG.infof("clawback event %s of order %s was posted before; ignored", eventId, c.orderId());
            return Optional.empty();
        }
        if (completion.isEmpty()) {
            LOG.infof("order %s is not in the ledger yet; its clawback %s waits for the completion", c.orderId(), eventId);
            return Optional.empty();
        }
        return Optional.of(applyClawback(eventId, completion.get()));
    }

    private JournalEntry applyClawback(UUID eventId, JournalEntry original) {
        Object[] r = (Object[]) em.createNativeQuery("""
                        select suanli_fen, zhineng_fen, reason, evidence_ref, clawed_by, partner_id
                          from clawback where event_id = ?1 for update""").setParameter(1, eventId).getSingleResult();
        long suanli = ((Number) r[0]).longValue();
        long zhineng = ((Number) r[1]).longValue();
        if (!original.partnerId.equals(r[5])) {
            LOG.warnf("clawback %s names partner %s, but order %s is %s's in the ledger; the ledger's partner owes it back",
                    eventId, r[5], original.orderId, original.partnerId);
        }
        OrderAmounts delta = new OrderAmounts(0, -suanli, -zhineng);
        Instant now = Instant.now();
        JournalEntry e = derived(original, JournalEntry.Kind.CLAWBACK, delta, (String) r[2], (String) r[4], now);
        e.eventId = eventId;
        e.actualAmountFen = 0; // the contract stands; only the subsidy is taken back
        e.evidenceRef = (String) r[3];
        persistWithPostings(e, delta, "clawback: ");
        em.createNativeQuery("update clawback set entry_id = ?1 where event_id = ?2").setParameter(1, e.id)
                .setParameter(2, eventId).executeUpdate();
        // an upheld objection waited for this clawback: the order is free to settle again (netted in one batch)
        lockObjections(original.orderId);
        if (em.createNativeQuery("update objection set clawback_entry_id = ?1 where order_id = ?2 and status = 'UPHELD' "
                + "and clawback_entry_id is null").setParameter(1, e.id).setParameter(2, original.orderId).executeUpdate() > 0) {
            reinstateIfResolved(original.orderId, e.postedBy, "subsidy clawed back after an upheld objection");
        }
        LOG.infof("%s clawed back 算力券 %s, 智能券 %s of order %s (entry %d): %s", e.postedBy, Money.format(suanli),
                Money.format(zhineng), original.orderId, e.id, e.reason);
        return e;
    }

    /** Objections of one order, filed, answered and acted on one at a time (an advisory lock, this transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockObjections(String orderId) {
        em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtext(?1))) l")
                .setParameter(1, "objection:" + orderId).getSingleResult();
    }

    /** Whether objections hold the order out of settlement now ({@link ObjectionRules#holdsOrder}). */
    @SuppressWarnings("unchecked")
    public boolean isHeld(String orderId) {
        List<Object[]> rows = em.createNativeQuery("select status, clawback_entry_id is not null from objection "
                + "where order_id = ?1").setParameter(1, orderId).getResultList();
        return ObjectionRules.holdsOrder(rows.stream().map(r -> new ObjectionRules.Standing(
                ObjectionRules.Status.valueOf((String) r[0]), (Boolean) r[1])).toList());
    }

    /** Whether a batch took the order out and it has not been put back yet. */
    public boolean isHeldOut(String orderId) {
        return !heldOutNet(orderId).isZero();
    }

    /**
     * Closing a batch: each order objections hold is taken out of it by a HELD_OUT entry reversing what the order's
     * entries put in this batch, so the batch's totals (and its payment) leave it out. Called by the close, with the
     * batch locked and still OPEN.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<JournalEntry> holdOutObjected(SettlementBatch b, String actor) {
        List<String> orders = em.createNativeQuery("select distinct e.order_id from journal_entry e "
                + "join objection o on o.order_id = e.order_id where e.batch_id = ?1 and o.status <> 'DISMISSED' "
                + "order by 1").setParameter(1, b.id).getResultList();
        List<JournalEntry> out = new java.util.ArrayList<>();
        for (String orderId : orders) {
            lockObjections(orderId);
            if (!isHeld(orderId)) {
                continue;
            }
            OrderAmounts inBatch = em.createQuery("from JournalEntry where orderId = ?1 and batchId = ?2", JournalEntry.class)
                    .setParameter(1, orderId).setParameter(2, b.id).getResultStream().map(JournalEntry::amounts)
                    .reduce(OrderAmounts.ZERO, OrderAmounts::plus);
            if (inBatch.isZero()) {
                continue;
            }
            JournalEntry original = completionOf(orderId).orElseThrow();
            JournalEntry e = derived(original, JournalEntry.Kind.HELD_OUT, OrderAmounts.ZERO.minus(inBatch),
                    "held out of settlement batch " + b.id + " while an objection to the order is unresolved", actor,
                    Instant.now(), b);
            persistWithPostings(e, e.amounts(), "held out: ");
            LOG.infof("order %s held out of settlement batch %d (entry %d): 算力券 %s, 智能券 %s, buyer part %s", orderId,
                    b.id, e.id, Money.format(inBatch.suanliFen()), Money.format(inBatch.zhinengFen()),
                    Money.format(inBatch.buyerPaysFen()));
            out.add(e);
        }
        return out;
    }

    /**
     * Once no objection holds the order, what batches held out goes into the partner's open batch (a REINSTATED
     * entry); nothing when nothing was held out or something still holds it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<JournalEntry> reinstateIfResolved(String orderId, String actor, String why) {
        lockObjections(orderId);
        if (isHeld(orderId)) {
            return Optional.empty();
        }
        OrderAmounts heldOut = heldOutNet(orderId);
        if (heldOut.isZero()) {
            return Optional.empty();
        }
        JournalEntry original = completionOf(orderId).orElseThrow();
        Instant now = Instant.now();
        JournalEntry e = derived(original, JournalEntry.Kind.REINSTATED, OrderAmounts.ZERO.minus(heldOut),
                "back into settlement: " + why, actor, now, batches.openBatchFor(original.partnerId, Periods.monthOf(now)));
        persistWithPostings(e, e.amounts(), "held out: ");
        LOG.infof("order %s back into settlement batch %d (entry %d): %s", orderId, e.batchId, e.id, why);
        return Optional.of(e);
    }

    /** What HELD_OUT entries took out of batches less what REINSTATED entries put back (≤ 0 per part). */
    private OrderAmounts heldOutNet(String orderId) {
        return entriesOf(orderId).stream().filter(x -> x.kind.movesBetweenBatches()).map(JournalEntry::amounts)
                .reduce(OrderAmounts.ZERO, OrderAmounts::plus);
    }

    /** The subsidy a clawback takes must still be in the ledger for the order. */
    private void requireWithinLedger(String orderId, long suanli, long zhineng) {
        OrderAmounts now = effective(orderId);
        if (suanli > now.suanliFen() || zhineng > now.zhinengFen()) {
            throw new IllegalArgumentException("clawback of 算力券 " + Money.format(suanli) + ", 智能券 "
                    + Money.format(zhineng) + " exceeds what the ledger holds for order " + orderId + " (算力券 "
                    + Money.format(now.suanliFen()) + ", 智能券 " + Money.format(now.zhinengFen()) + ")");
        }
    }

    /** A new entry about an order's completion entry (a correction or clawback), in the partner's open batch now. */
    private JournalEntry derived(JournalEntry original, JournalEntry.Kind kind, OrderAmounts delta, String reason,
                                 String actor, Instant now) {
        return derived(original, kind, delta, reason, actor, now, batches.openBatchFor(original.partnerId, Periods.monthOf(now)));
    }

    private JournalEntry derived(JournalEntry original, JournalEntry.Kind kind, OrderAmounts delta, String reason,
                                 String actor, Instant now, SettlementBatch batch) {
        JournalEntry e = new JournalEntry();
        e.kind = kind;
        e.orderId = original.orderId;
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
        return e;
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
        // what the partner is owed in total: the contract, less any subsidy clawed back since
        long clawedBack = entriesOf(orderId).stream().filter(x -> x.kind == JournalEntry.Kind.CLAWBACK)
                .mapToLong(x -> x.partnerOwedFen).sum();
        CorrectionRules.check(orderId, target, original.actualAmountFen + clawedBack, redeemed(orderId).orElse(null));
        // corrections of one order one at a time, so each is the difference to what the previous one left
        em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtext(?1))) l").setParameter(1, "correct:" + orderId)
                .getSingleResult();
        OrderAmounts current = effective(orderId);
        OrderAmounts delta = target.minus(current);
        if (delta.isZero()) {
            throw ProblemException.unprocessable("nothing-to-correct",
                    "the ledger already holds exactly these amounts for order " + orderId);
        }
        JournalEntry e = derived(original, JournalEntry.Kind.CORRECTION, delta, reason, actor, Instant.now());
        persistWithPostings(e, delta);
        LOG.infof("%s corrected order %s by entry %d: %s", actor, orderId, e.id, reason);
        return e;
    }

    /** What one payment paid, by source (fen; a part is negative where a netted clawback exceeded it). */
    public record PaymentTotals(long paymentId, long buyerPartFen, long suanliFen, long zhinengFen) {
        public long totalFen() {
            return buyerPartFen + suanliFen + zhinengFen;
        }
    }

    /**
     * Posts the payment of a batch that the caller has locked and is marking PAID: the treasury's transfer clears
     * the partner's payable for exactly the batch's entries, by source (buyer parts, each program year's 算力券 and
     * 智能券). One payment per batch (unique in the database).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public PaymentTotals postPayment(SettlementBatch b, String reference, String actor, Instant at) {
        List<Object[]> rows = em.createNativeQuery("""
                        select program_year, coalesce(sum(buyer_pays_fen), 0), coalesce(sum(suanli_fen), 0),
                               coalesce(sum(zhineng_fen), 0)
                          from journal_entry where batch_id = ?1 group by program_year order by program_year""")
                .setParameter(1, b.id).getResultList();
        long buyers = 0;
        long suanli = 0;
        long zhineng = 0;
        List<DoubleEntry.PaymentPart> yearParts = new java.util.ArrayList<>();
        for (Object[] r : rows) {
            int year = ((Number) r[0]).intValue();
            long s = ((Number) r[2]).longValue();
            long z = ((Number) r[3]).longValue();
            buyers += ((Number) r[1]).longValue();
            suanli += s;
            zhineng += z;
            yearParts.add(new DoubleEntry.PaymentPart("算力券 " + year + " (" + Accounts.program(Accounts.SUANLI, year) + ")", s));
            yearParts.add(new DoubleEntry.PaymentPart("智能券 " + year + " (" + Accounts.program(Accounts.ZHINENG, year) + ")", z));
        }
        if (b.totalFen == null || buyers + suanli + zhineng != b.totalFen) {
            throw new IllegalStateException("batch " + b.id + "'s entries add up to " + (buyers + suanli + zhineng)
                    + " fen, its frozen total is " + b.totalFen);
        }
        List<DoubleEntry.PaymentPart> parts = new java.util.ArrayList<>();
        parts.add(new DoubleEntry.PaymentPart("buyers' parts of the contracts", buyers));
        parts.addAll(yearParts);
        List<Posting> lines = DoubleEntry.paymentPostings(b.partnerId, parts);
        long paymentId = ((Number) em.createNativeQuery("""
                        insert into batch_payment (batch_id, partner_id, payment_reference, buyer_part_fen, suanli_fen,
                                                   zhineng_fen, total_fen, paid_by, paid_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) returning id""")
                .setParameter(1, b.id).setParameter(2, b.partnerId).setParameter(3, reference).setParameter(4, buyers)
                .setParameter(5, suanli).setParameter(6, zhineng).setParameter(7, b.totalFen).setParameter(8, actor)
                .setParameter(9, at).getSingleResult()).longValue();
        int n = 0;
        for (Posting p : lines) {
            PostingRow row = new PostingRow();
            row.paymentId = paymentId;
            row.line = ++n;
            row.account = p.account();
            row.side = p.side();
            row.amountFen = p.amountFen();
            row.memo = p.memo() + ", transfer " + reference;
            em.persist(row);
        }
        return new PaymentTotals(paymentId, buyers, suanli, zhineng);
    }

    /** The postings of a batch's payment (empty if it is not paid). */
    @SuppressWarnings("unchecked")
    public List<PostingRow> paymentPostingsOf(long batchId) {
        return em.createNativeQuery("select p.* from posting p join batch_payment bp on bp.id = p.payment_id "
                        + "where bp.batch_id = ?1 order by p.line", PostingRow.class).setParameter(1, batchId).getResultList();
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
                          from voucher_movement where order_id = ?1 and kind in ('REDEEMED', 'CLAWED_BACK')""")
                .setParameter(1, orderId).getSingleResult();
        if (((Number) r[0]).longValue() == 0) {
            return Optional.empty(); // (a clawback row without a redemption cannot exist: voucher claws back redeemed subsidy)
        }
        return Optional.of(new OrderAmounts(0, ((Number) r[1]).longValue(), ((Number) r[2]).longValue()));
    }

    /**
     * What the order's entries add up to now (its completion plus every correction and clawback); moves between
     * batches while an objection holds it change nothing of that.
     */
    public OrderAmounts effective(String orderId) {
        return entriesOf(orderId).stream().filter(x -> !x.kind.movesBetweenBatches()).map(JournalEntry::amounts)
                .reduce(OrderAmounts.ZERO, OrderAmounts::plus);
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

    /** Paid by the treasury; still owed to partners; owed back by partners (fen, each ≥ 0). */
    public record Payables(long paidFen, long openFen, long owedBackFen) {
    }

    public Payables payables() {
        Object[] r = (Object[]) em.createNativeQuery("""
                        with partner as (
                            select account, sum(case side when 'C' then amount_fen else -amount_fen end) as owed
                              from posting where account like 'partner:%' group by account)
                        select (select coalesce(sum(case side when 'C' then amount_fen else -amount_fen end), 0)
                                  from posting where account = ?1),
                               coalesce((select sum(owed) from partner where owed > 0), 0),
                               coalesce((select -sum(owed) from partner where owed < 0), 0)""")
                .setParameter(1, Accounts.TREASURY).getSingleResult();
        return new Payables(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), ((Number) r[2]).longValue());
    }

    /** Debits minus credits over the whole ledger: zero when every entry balances. */
    public long netFen() {
        return ((Number) em.createNativeQuery("""
                        select coalesce(sum(case side when 'D' then amount_fen else -amount_fen end), 0) from posting""")
                .getSingleResult()).longValue();
    }

    private void persistWithPostings(JournalEntry e, OrderAmounts amounts) {
        persistWithPostings(e, amounts, "correction: ");
    }

    private void persistWithPostings(JournalEntry e, OrderAmounts amounts, String reversal) {
        List<Posting> lines = DoubleEntry.postings(e.buyerId, e.partnerId, e.programYear, amounts, reversal);
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

    private static void validate(VoucherEvents.ClawedBack c) {
        if (c == null) {
            throw new IllegalArgumentException("no payload");
        }
        require(c.orderId(), "orderId");
        require(c.partnerId(), "partnerId");
        require(c.reason(), "reason");
        require(c.by(), "by");
        if (c.programYear() < 2000 || c.programYear() > 2100) {
            throw new IllegalArgumentException("order " + c.orderId() + " has an implausible program year " + c.programYear());
        }
        if (c.suanliFen() < 0 || c.zhinengFen() < 0 || c.suanliFen() + c.zhinengFen() <= 0) {
            throw new IllegalArgumentException("a clawback of order " + c.orderId() + " takes back a positive amount, not "
                    + c.suanliFen() + " + " + c.zhinengFen() + " fen");
        }
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("field " + field + " is missing");
        }
    }
}
