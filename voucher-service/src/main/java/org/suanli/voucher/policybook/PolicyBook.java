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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The policy versions as data (table {@code policy_version}, seeded by migration) and the engine built
 * from them. Versions only ever get added, effective from a future date: the past is never edited, so a
 * decision already taken can always be explained by the version that was in force.
 */
@ApplicationScoped
public class PolicyBook {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Hangzhou's program: the one the marketplace's holds and quotes decide under (docs/POLICY.md rule 10). */
    public static final String HANGZHOU = "HZ";
    /** Other replicas see a new version within this long; it can only take effect from tomorrow anyway. */
    private static final long REFRESH_NANOS = 10_000_000_000L;

    @Inject
    EntityManager em;

    @Inject
    AuditTrail audit;

    /** One engine per scheme (city): each city's versions repeal only its own earlier ones. */
    private volatile Map<String, PolicyEngine> engines;
    private volatile long loadedAt;

    /** Hangzhou's engine. */
    public PolicyEngine engine() {
        return engine(HANGZHOU).orElseThrow(() -> new IllegalStateException("no Hangzhou policy versions"));
    }

    /** The engine of one city's program, if it has versions. */
    public Optional<PolicyEngine> engine(String scheme) {
        Map<String, PolicyEngine> e = engines;
        if (e == null || System.nanoTime() - loadedAt > REFRESH_NANOS) {
            Map<String, PolicyEngine> fresh = new TreeMap<>();
            bySchemes(loadAll()).forEach((s, versions) -> fresh.put(s, new PolicyEngine(versions)));
            e = Map.copyOf(fresh);
            engines = e;
            loadedAt = System.nanoTime();
        }
        return Optional.ofNullable(e.get(scheme));
    }

    /** Every version, with its scheme, oldest first. */
    public List<SchemeVersion> versions() {
        return loadAll();
    }

    /** A policy version and the city program (scheme) it belongs to. */
    public record SchemeVersion(String scheme, PolicyVersion version) {
    }

    private static Map<String, List<PolicyVersion>> bySchemes(List<SchemeVersion> all) {
        Map<String, List<PolicyVersion>> grouped = new TreeMap<>();
        all.forEach(v -> grouped.computeIfAbsent(v.scheme(), s -> new ArrayList<>()).add(v.version()));
        return grouped;
    }

    @Transactional
    public PolicyVersion add(String scheme, String code, LocalDate effectiveFrom, PolicyParameters parameters, String actor,
                             String reason) {
        LocalDate today = LocalDate.now(SHANGHAI);
        if (!effectiveFrom.isAfter(today)) {
            throw ProblemException.unprocessable("policy-effective-in-past",
                    "a new policy version takes effect from a future date (after " + today + "); the past is never edited");
        }
        for (SchemeVersion sv : loadAll()) {
            PolicyVersion v = sv.version();
            if (v.code().equals(code)) {
                throw ProblemException.conflict("policy-code-taken", "policy version " + code + " already exists");
            }
            // Each city's chain only: a Hangzhou version neither repeals nor waits for another city's.
            if (sv.scheme().equals(scheme) && !effectiveFrom.isAfter(v.effectiveFrom())) {
                throw ProblemException.unprocessable("policy-not-latest",
                        "a new version must take effect after the latest one (" + v.code() + " from " + v.effectiveFrom() + ")");
            }
        }
        PolicyVersion version = new PolicyVersion(code, effectiveFrom, parameters);
        String json = PolicyParametersJson.write(parameters);
        em.createNativeQuery("""
                        insert into policy_version (code, effective_from, parameters, created_by, reason, scheme)
                        values (?1, ?2, cast(?3 as jsonb), ?4, ?5, ?6)""")
                .setParameter(1, code).setParameter(2, Date.valueOf(effectiveFrom)).setParameter(3, json)
                .setParameter(4, actor).setParameter(5, reason).setParameter(6, scheme).executeUpdate();
        audit.record(actor, "POLICY_VERSION_ADDED", "policy:" + code, reason, json);
        engines = null;
        return version;
    }

    @SuppressWarnings("unchecked")
    private List<SchemeVersion> loadAll() {
        List<Object[]> rows = em.createNativeQuery(
                        "select code, effective_from, cast(parameters as text), scheme from policy_version order by scheme, effective_from")
                .getResultList();
        return rows.stream().map(r -> new SchemeVersion((String) r[3],
                        new PolicyVersion((String) r[0], toDate(r[1]), PolicyParametersJson.read((String) r[2]))))
                .toList();
    }

    private static LocalDate toDate(Object o) {
        return o instanceof LocalDate d ? d : ((Date) o).toLocalDate();
    }
}
