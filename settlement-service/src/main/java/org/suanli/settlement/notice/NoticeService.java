package org.suanli.settlement.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.suanli.kernel.json.TextRules;
import org.suanli.kernel.money.Money;
import org.suanli.kernel.problem.ProblemException;
import org.suanli.settlement.batch.Periods;
import org.suanli.settlement.ledger.JournalEntry;
import org.suanli.settlement.ledger.Ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The public notice (公示) of subsidies granted and its objections (异议): publishing a line when the ledger posts
 * a subsidised completion, listing a month's lines, filing and answering objections. Holding an objected order
 * out of batches is the ledger's ({@link Ledger#holdOutObjected}, {@link Ledger#reinstateIfResolved}).
 */
@ApplicationScoped
public class NoticeService {

    private static final Logger LOG = Logger.getLogger(NoticeService.class);
    /** A month of a city's subsidies; beyond this the notice would need pages. */
    static final int MAX_LINES = 10_000;

    @Inject
    EntityManager em;

    @Inject
    Ledger ledger;

    @Inject
    NoticeConfig config;

    /** A subsidised order enters the notice when its completion is posted; its objection window is fixed now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(JournalEntry completion, Instant now) {
        if (completion.suanliFen + completion.zhinengFen <= 0) {
            return; // nothing granted, nothing to publish
        }
        em.createNativeQuery("""
                        insert into public_notice (order_id, period, published_at, objection_closes_at)
                        values (?1, ?2, ?3, ?4) on conflict (order_id) do nothing""")
                .setParameter(1, completion.orderId).setParameter(2, completion.completedMonth).setParameter(3, now)
                .setParameter(4, ObjectionWindow.closesAt(now, config.objectionWorkingDays())).executeUpdate();
    }

    /** A name an event told us ({@code buyer:<id>} or {@code partner:<id>}); an unusable one is ignored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rememberName(String party, String name) {
        if (name == null || name.isBlank() || name.trim().length() > 200 || TextRules.problem(name, false) != null) {
            return;
        }
        em.createNativeQuery("""
                        insert into party_name (party_id, name, updated_at) values (?1, ?2, now())
                        on conflict (party_id) do update set name = excluded.name, updated_at = excluded.updated_at""")
                .setParameter(1, party).setParameter(2, name.trim()).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public NoticeViews.NoticeView list(YearMonth period, Instant now) {
        List<Object[]> rows = em.createNativeQuery("""
                        select n.order_id, e.buyer_id, bn.name, e.partner_id, pn.name, e.actual_amount_fen,
                               s.suanli, s.zhineng, e.completed_at, n.published_at, n.objection_closes_at,
                               exists (select 1 from objection o where o.order_id = n.order_id and o.status = 'OPEN')
                          from public_notice n
                          join journal_entry e on e.order_id = n.order_id and e.kind = 'ORDER_COMPLETED'
                          join lateral (select coalesce(sum(x.suanli_fen), 0) as suanli, coalesce(sum(x.zhineng_fen), 0) as zhineng
                                          from journal_entry x where x.order_id = n.order_id
                                           and x.kind in ('ORDER_COMPLETED', 'CORRECTION', 'CLAWBACK')) s on true
                          left join party_name bn on bn.party_id = 'buyer:' || e.buyer_id
                          left join party_name pn on pn.party_id = 'partner:' || e.partner_id
                         where n.period = ?1
                         order by e.completed_at, n.order_id""")
                .setParameter(1, Periods.format(period)).setMaxResults(MAX_LINES).getResultList();
        List<NoticeViews.NoticeLine> lines = new ArrayList<>();
        for (Object[] r : rows) {
            String orderId = (String) r[0];
            String enterprise = r[2] != null ? (String) r[2] : (String) r[1];
            String centre = r[4] != null ? (String) r[4] : (String) r[3];
            String contract = Money.format(((Number) r[5]).longValue());
            LocalDate date = instant(r[8]).atZone(Periods.SHANGHAI).toLocalDate();
            Instant published = instant(r[9]);
            Instant closes = instant(r[10]);
            boolean open = now.isBefore(closes);
            boolean objected = (Boolean) r[11];
            LocalDate publishedOn = published.atZone(Periods.SHANGHAI).toLocalDate();
            long suanli = ((Number) r[6]).longValue();
            long zhineng = ((Number) r[7]).longValue();
            if (suanli > 0) {
                lines.add(new NoticeViews.NoticeLine(orderId, enterprise, centre, "SUANLI", "算力券", contract,
                        Money.format(suanli), date, publishedOn, closes, open, objected));
            }
            if (zhineng > 0) {
                lines.add(new NoticeViews.NoticeLine(orderId, enterprise, centre, "ZHINENG", "智能券", contract,
                        Money.format(zhineng), date, publishedOn, closes, open, objected));
            }
        }
        return new NoticeViews.NoticeView(Periods.format(period), config.objectionWorkingDays(), lines);
    }

    /** Anyone files an objection to a line of the notice while its window is open. */
    @Transactional
    public NoticeViews.FiledView file(String orderId, NoticeViews.ObjectionForm form, Instant now) {
        Object[] n = noticeOf(orderId);
        Instant closes = instant(n[1]);
        ObjectionRules.mayFile(orderId, closes, now).ifPresent(r -> {
            throw r.problem();
        });
        ledger.lockObjections(orderId); // a batch closing now sees this objection or closes before it exists
        long id = ((Number) em.createNativeQuery("""
                        insert into objection (order_id, contact, reason, filed_at) values (?1, ?2, ?3, ?4) returning id""")
                .setParameter(1, orderId).setParameter(2, form.contact().trim()).setParameter(3, form.reason().trim())
                .setParameter(4, now).getSingleResult()).longValue();
        LOG.infof("objection %d filed against order %s", id, orderId);
        return new NoticeViews.FiledView(id, orderId, ObjectionRules.Status.OPEN.name(), now, closes);
    }

    @SuppressWarnings("unchecked")
    public List<NoticeViews.ObjectionView> objections(ObjectionRules.Status status) {
        var q = status == null ? em.createNativeQuery("select id from objection order by filed_at, id")
                : em.createNativeQuery("select id from objection where status = ?1 order by filed_at, id")
                .setParameter(1, status.name());
        List<Object> ids = q.setMaxResults(1000).getResultList();
        return ids.stream().map(id -> objection(((Number) id).longValue())).toList();
    }

    public NoticeViews.ObjectionView objection(long id) {
        Object[] r = row(id);
        String orderId = (String) r[0];
        ObjectionRules.Status status = ObjectionRules.Status.valueOf((String) r[4]);
        Object[] names = (Object[]) em.createNativeQuery("""
                        select coalesce(bn.name, e.buyer_id), coalesce(pn.name, e.partner_id)
                          from journal_entry e
                          left join party_name bn on bn.party_id = 'buyer:' || e.buyer_id
                          left join party_name pn on pn.party_id = 'partner:' || e.partner_id
                         where e.order_id = ?1 and e.kind = 'ORDER_COMPLETED'""").setParameter(1, orderId).getSingleResult();
        NoticeViews.ClawbackDue clawback = null;
        if (status == ObjectionRules.Status.UPHELD) {
            var granted = ledger.effective(orderId);
            Long entry = r[9] == null ? null : ((Number) r[9]).longValue();
            clawback = new NoticeViews.ClawbackDue("objection-" + id, Money.format(granted.suanliFen()),
                    Money.format(granted.zhinengFen()), "公示异议成立 (objection " + id + " upheld): " + r[5],
                    "objection-" + id, entry != null, entry);
        }
        return new NoticeViews.ObjectionView(id, orderId, (String) names[0], (String) names[1], (String) r[1],
                (String) r[2], instant(r[3]), status.name(), (String) r[5], (String) r[6],
                r[7] == null ? null : instant(r[7]), ledger.isHeldOut(orderId), clawback);
    }

    /**
     * The program office answers an objection once. DISMISSED: the order goes on (back into the partner's open
     * batch if a batch held it out). UPHELD: it stays held out until voucher-service's clawback of the subsidy
     * reaches the ledger, and the answer says what to claw back.
     */
    @Transactional
    public NoticeViews.ObjectionView answer(long id, ObjectionRules.Decision decision, String note, String actor) {
        String orderId = (String) row(id)[0];
        ledger.lockObjections(orderId);
        ObjectionRules.Status current = ObjectionRules.Status.valueOf((String) em.createNativeQuery(
                "select status from objection where id = ?1 for update").setParameter(1, id).getSingleResult());
        ObjectionRules.mayAnswer(id, current).ifPresent(r -> {
            throw r.problem();
        });
        em.createNativeQuery("update objection set status = ?1, note = ?2, answered_by = ?3, answered_at = ?4 where id = ?5")
                .setParameter(1, decision.name()).setParameter(2, note.trim()).setParameter(3, actor)
                .setParameter(4, Instant.now()).setParameter(5, id).executeUpdate();
        LOG.infof("%s answered objection %d against order %s: %s", actor, id, orderId, decision);
        ledger.reinstateIfResolved(orderId, actor, "objection " + id + " " + decision.name().toLowerCase());
        return objection(id);
    }

    private Object[] noticeOf(String orderId) {
        List<?> r = em.createNativeQuery("select order_id, objection_closes_at from public_notice where order_id = ?1")
                .setParameter(1, orderId).getResultList();
        if (r.isEmpty()) {
            throw ProblemException.notFound("Order on the public notice", orderId);
        }
        return (Object[]) r.get(0);
    }

    private Object[] row(long id) {
        List<?> r = em.createNativeQuery("""
                        select order_id, contact, reason, filed_at, status, note, answered_by, answered_at, id, clawback_entry_id
                          from objection where id = ?1""").setParameter(1, id).getResultList();
        if (r.isEmpty()) {
            throw ProblemException.notFound("Objection", id);
        }
        return (Object[]) r.get(0);
    }

    private static Instant instant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof java.time.OffsetDateTime t) {
            return t.toInstant();
        }
        return ((Timestamp) o).toInstant();
    }
}
