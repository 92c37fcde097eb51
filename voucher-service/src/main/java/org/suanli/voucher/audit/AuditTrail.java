package org.suanli.voucher.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.suanli.kernel.jdbc.Timestamps;

import java.time.Instant;
import java.util.List;

/** Who changed a budget, a buyer or a policy, when and why: written in the change's own transaction. */
@ApplicationScoped
public class AuditTrail {

    public record Entry(long id, String actor, String action, String subject, String reason, String detail, Instant at) {
    }

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, String subject, String reason, String detail) {
        em.createNativeQuery("insert into audit_entry (actor, action, subject, reason, detail) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, actor).setParameter(2, action).setParameter(3, subject)
                .setParameter(4, reason).setParameter(5, detail).executeUpdate();
    }

    /** A new entry, for {@link #recordAll}. */
    public record NewEntry(String actor, String action, String subject, String reason, String detail) {
    }

    /** Many entries in one JDBC batch (a batch of holds may raise a signal on each of its contracts). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(List<NewEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        em.unwrap(org.hibernate.Session.class).doWork(c -> {
            try (java.sql.PreparedStatement q = c.prepareStatement(
                    "insert into audit_entry (actor, action, subject, reason, detail) values (?, ?, ?, ?, ?)")) {
                for (NewEntry e : entries) {
                    q.setString(1, e.actor());
                    q.setString(2, e.action());
                    q.setString(3, e.subject());
                    q.setString(4, e.reason());
                    q.setString(5, e.detail());
                    q.addBatch();
                }
                q.executeBatch();
            }
        });
    }

    @SuppressWarnings("unchecked")
    public List<Entry> latest(int limit) {
        List<Object[]> rows = em.createNativeQuery(
                        "select id, actor, action, subject, reason, detail, at from audit_entry order by id desc")
                .setMaxResults(limit).getResultList();
        return rows.stream().map(r -> new Entry(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], Timestamps.instant(r[6]))).toList();
    }

    /** Every entry about one subject (an order id, a buyer id), oldest first. */
    @SuppressWarnings("unchecked")
    public List<Entry> about(String subject) {
        List<Object[]> rows = em.createNativeQuery(
                        "select id, actor, action, subject, reason, detail, at from audit_entry where subject = ?1 order by id")
                .setParameter(1, subject).setMaxResults(1000).getResultList();
        return rows.stream().map(r -> new Entry(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], Timestamps.instant(r[6]))).toList();
    }
}
