package org.suanli.settlement.batch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.suanli.kernel.money.Money;
import org.suanli.kernel.problem.ProblemException;
import org.suanli.settlement.ledger.JournalEntry;
import org.suanli.settlement.ledger.Ledger;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Monthly settlement batches per partner: where ledger entries land, and their life OPEN → CLOSED → APPROVED
 * → PAID. Every transition locks the batch row, so a close never races an entry landing in it.
 */
@ApplicationScoped
public class BatchService {

    private static final Logger LOG = Logger.getLogger(BatchService.class);

    @Inject
    EntityManager em;

    @Inject
    Ledger ledger;

    /**
     * The OPEN batch an entry of {@code partnerId} for {@code month} goes into, locked for this transaction:
     * that month's batch, or if finance already closed it, the next month whose batch is still open (an entry
     * never changes a closed batch; it is settled with the next one).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public SettlementBatch openBatchFor(String partnerId, YearMonth month) {
        YearMonth m = month;
        for (int i = 0; i < 240; i++, m = m.plusMonths(1)) {
            String period = Periods.format(m);
            em.createNativeQuery("insert into settlement_batch (partner_id, period) values (?1, ?2) "
                            + "on conflict (partner_id, period) do nothing")
                    .setParameter(1, partnerId).setParameter(2, period).executeUpdate();
            SettlementBatch batch = em.createQuery("from SettlementBatch where partnerId = ?1 and period = ?2",
                            SettlementBatch.class)
                    .setParameter(1, partnerId).setParameter(2, period)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE).getSingleResult();
            em.refresh(batch);
            if (batch.status == BatchStatus.OPEN) {
                if (!m.equals(month)) {
                    LOG.infof("batch %s of %s is %s; the late entry goes to %s", Periods.format(month), partnerId,
                            "closed", period);
                }
                return batch;
            }
        }
        throw new IllegalStateException("no open settlement batch for " + partnerId + " within 20 years of " + month);
    }

    public List<BatchView> list(String partnerId, String period, BatchStatus status) {
        StringBuilder q = new StringBuilder("from SettlementBatch where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (partnerId != null) {
            params.add(partnerId);
            q.append(" and partnerId = ?").append(params.size());
        }
        if (period != null) {
            params.add(Periods.format(Periods.month(period)));
            q.append(" and period = ?").append(params.size());
        }
        if (status != null) {
            params.add(status);
            q.append(" and status = ?").append(params.size());
        }
        q.append(" order by period desc, partnerId, id");
        var query = em.createQuery(q.toString(), SettlementBatch.class).setMaxResults(1000);
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query.getResultList().stream().map(b -> BatchView.of(b, totals(b), null)).toList();
    }

    /** A batch with its lines; {@code partnerId} non-null restricts to that partner's (others are "not found"). */
    public BatchView get(long id, String partnerId) {
        SettlementBatch b = find(id, partnerId);
        return BatchView.of(b, totals(b), lines(b.id)).withPayment(ledger.paymentPostingsOf(b.id));
    }

    public String statementCsv(long id, String partnerId) {
        SettlementBatch b = find(id, partnerId);
        List<StatementLine> lines = lines(b.id);
        return StatementCsv.render(BatchView.of(b, totals(b), null), lines);
    }

    @Transactional
    public BatchView close(long id, String actor) {
        SettlementBatch b = lock(id);
        b.status.requireCanMoveTo(BatchStatus.CLOSED, id);
        // orders under objection leave the batch before its totals freeze (公示: nothing paid while objected)
        ledger.holdOutObjected(b, actor);
        BatchTotals t = liveTotals(b.id);
        b.status = BatchStatus.CLOSED;
        b.entryCount = t.entryCount();
        b.buyerPaidFen = t.buyerPaidFen();
        b.suanliFen = t.suanliFen();
        b.zhinengFen = t.zhinengFen();
        b.totalFen = t.totalFen();
        b.closedAt = Instant.now();
        b.closedBy = actor;
        LOG.infof("%s closed settlement batch %d (%s %s): %s owed over %d entries", actor, id, b.partnerId, b.period,
                Money.format(t.totalFen()), t.entryCount());
        return BatchView.of(b, t, null);
    }

    @Transactional
    public BatchView approve(long id, String actor) {
        SettlementBatch b = lock(id);
        b.status.requireCanMoveTo(BatchStatus.APPROVED, id);
        b.status = BatchStatus.APPROVED;
        b.approvedAt = Instant.now();
        b.approvedBy = actor;
        LOG.infof("%s approved settlement batch %d (%s %s)", actor, id, b.partnerId, b.period);
        return BatchView.of(b, totals(b), null);
    }

    @Transactional
    public BatchView pay(long id, String paymentReference, Long amountFen, String actor) {
        SettlementBatch b = lock(id);
        b.status.requireCanMoveTo(BatchStatus.PAID, id);
        BatchRules.requirePayable(id, b.totalFen, amountFen);
        // bank references ignore case and surrounding spaces: "pay-bb-001" is the transfer "PAY-BB-001"
        // (the database's unique index on lower(trim(payment_reference)) says the same)
        SettlementBatch other = em.createQuery("from SettlementBatch where lower(trim(paymentReference)) = ?1 "
                        + "and id <> ?2 order by id", SettlementBatch.class)
                .setParameter(1, referenceKey(paymentReference)).setParameter(2, id)
                .setMaxResults(1).getResultStream().findFirst().orElse(null);
        if (other != null) {
            throw referenceUsed(paymentReference, other);
        }
        b.status = BatchStatus.PAID;
        b.paidAt = Instant.now();
        b.paidBy = actor;
        b.paymentReference = paymentReference;
        try {
            em.flush();
        } catch (PersistenceException e) {
            // a concurrent payment took the same reference between the check and the write
            throw referenceUsed(paymentReference, null);
        }
        ledger.postPayment(b, paymentReference, actor, b.paidAt);
        LOG.infof("%s recorded payment %s for settlement batch %d (%s %s)", actor, paymentReference, id, b.partnerId,
                b.period);
        return BatchView.of(b, totals(b), null);
    }

    /** A payment reference as the bank compares it: case and surrounding spaces do not matter. */
    static String referenceKey(String reference) {
        return reference.trim().toLowerCase(Locale.ROOT);
    }

    private static ProblemException referenceUsed(String reference, SettlementBatch other) {
        String paid = other == null ? "another batch"
                : "settlement batch " + other.id + (reference.equals(other.paymentReference) ? ""
                : " (as '" + other.paymentReference + "': references ignore case and surrounding spaces)");
        return ProblemException.conflict("payment-reference-used", "payment reference '" + reference
                + "' already paid " + paid + ": one transfer pays one batch");
    }

    private SettlementBatch find(long id, String partnerId) {
        SettlementBatch b = em.find(SettlementBatch.class, id);
        if (b == null || (partnerId != null && !partnerId.equals(b.partnerId))) {
            throw ProblemException.notFound("Settlement batch", id);
        }
        return b;
    }

    private SettlementBatch lock(long id) {
        SettlementBatch b = em.find(SettlementBatch.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (b == null) {
            throw ProblemException.notFound("Settlement batch", id);
        }
        return b;
    }

    /** Frozen figures once closed, live sums while open. */
    BatchTotals totals(SettlementBatch b) {
        if (b.status != BatchStatus.OPEN) {
            return new BatchTotals(b.entryCount, b.buyerPaidFen, b.suanliFen, b.zhinengFen);
        }
        return liveTotals(b.id);
    }

    private BatchTotals liveTotals(long batchId) {
        Object[] r = (Object[]) em.createNativeQuery("select count(*), coalesce(sum(buyer_pays_fen), 0), "
                        + "coalesce(sum(suanli_fen), 0), coalesce(sum(zhineng_fen), 0) from journal_entry where batch_id = ?1")
                .setParameter(1, batchId).getSingleResult();
        return new BatchTotals(((Number) r[0]).intValue(), ((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                ((Number) r[3]).longValue());
    }

    private List<StatementLine> lines(long batchId) {
        return em.createQuery("from JournalEntry where batchId = ?1 order by id", JournalEntry.class)
                .setParameter(1, batchId).getResultList().stream().map(BatchService::line).toList();
    }

    static StatementLine line(JournalEntry e) {
        return new StatementLine(e.id, e.kind.name(), e.orderId, e.correctsEntryId, e.buyerId, e.contractDate,
                e.completedAt, e.facilityType, e.category, e.district, e.invoiceNumber, Money.format(e.actualAmountFen),
                Money.format(e.buyerPaysFen), Money.format(e.suanliFen), Money.format(e.zhinengFen),
                Money.format(e.partnerOwedFen), e.reason);
    }

}
