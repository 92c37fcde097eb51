package org.suanli.voucher.policybook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.suanli.kernel.problem.ProblemException;
import org.suanli.voucher.audit.AuditTrail;
import org.suanli.voucher.policy.PolicyEngine;
import org.suanli.voucher.policy.PolicyParameters;
import org.suanli.voucher.policy.PolicyParametersJson;
import org.suanli.voucher.policy.PolicyVersion;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The policy versions as data (table {@code policy_version}, seeded by migration) and the engine built
 * from them. Versions only ever get added, effective from a future date: the past is never edited, so a
 * decision already taken can always be explained by the version that was in force.
 */
@ApplicationScoped
public class PolicyBook {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Other replicas see a new version within this long; it can only take effect from tomorrow anyway. */
    private static final long REFRESH_NANOS = 10_000_000_000L;

    @Inject
    EntityManager em;

    @Inject
    AuditTrail audit;

    private volatile PolicyEngine engine;
    private volatile long loadedAt;

    public PolicyEngine engine() {
        PolicyEngine e = engine;
        if (e == null || System.nanoTime() - loadedAt > REFRESH_NANOS) {
            e = new PolicyEngine(load());
            engine = e;
            loadedAt = System.nanoTime();
        }
        return e;
    }

    public List<PolicyVersion> versions() {
        return load();
    }

    @Transactional
    public PolicyVersion add(String code, LocalDate effectiveFrom, PolicyParameters parameters, String actor, String reason) {
        LocalDate today = LocalDate.now(SHANGHAI);
        if (!effectiveFrom.isAfter(today)) {
            throw ProblemException.unprocessable("policy-effective-in-past",
                    "a new policy version takes effect from a future date (after " + today + "); the past is never edited");
        }
        List<PolicyVersion> existing = load();
        for (PolicyVersion v : existing) {
            if (v.code().equals(code)) {
                throw ProblemException.conflict("policy-code-taken", "policy version " + code + " already exists");
            }
            if (!effectiveFrom.isAfter(v.effectiveFrom())) {
                throw ProblemException.unprocessable("policy-not-latest",
                        "a new version must take effect after the latest one (" + v.code() + " from " + v.effectiveFrom() + ")");
            }
        }
        PolicyVersion version = new PolicyVersion(code, effectiveFrom, parameters);
        String json = PolicyParametersJson.write(parameters);
        em.createNativeQuery("""
                        insert into policy_version (code, effective_from, parameters, created_by, reason)
                        values (?1, ?2, cast(?3 as jsonb), ?4, ?5)""")
                .setParameter(1, code).setParameter(2, Date.valueOf(effectiveFrom)).setParameter(3, json)
                .setParameter(4, actor).setParameter(5, reason).executeUpdate();
        audit.record(actor, "POLICY_VERSION_ADDED", "policy:" + code, reason, json);
        engine = null;
        return version;
    }

    @SuppressWarnings("unchecked")
    private List<PolicyVersion> load() {
        List<Object[]> rows = em.createNativeQuery(
                        "select code, effective_from, cast(parameters as text) from policy_version order by effective_from")
                .getResultList();
        return rows.stream().map(r -> new PolicyVersion((String) r[0], toDate(r[1]), PolicyParametersJson.read((String) r[2])))
                .toList();
    }

    private static LocalDate toDate(Object o) {
        return o instanceof LocalDate d ? d : ((Date) o).toLocalDate();
    }
}
