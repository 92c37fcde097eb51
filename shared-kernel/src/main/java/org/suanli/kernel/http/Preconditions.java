package org.suanli.kernel.http;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.HttpHeaders;
import org.suanli.kernel.problem.ProblemException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code If-Match} on the writes of what officials and partners edit. A write without the header goes ahead as
 * before (so existing clients keep working); with it, the write happens only while the current representation
 * still has one of the given tags, else 412 and nothing changes. Check and write run in one transaction under an
 * advisory lock on the resource, so two writers holding the same tag cannot both pass.
 */
@RequestScoped
public class Preconditions {

    public static final String PRECONDITION_FAILED = "precondition-failed";

    @Inject
    HttpHeaders headers;

    @Inject
    EntityManager em;

    @Inject
    ETags etags;

    /**
     * Runs {@code write} if the request's If-Match (when present) matches {@code current}: the representation a GET
     * of {@code resource} answers now (null when there is none). {@code resource} names it, e.g. "buyer:ent-1".
     */
    public <T> T write(String resource, Supplier<?> current, Supplier<T> write) {
        String ifMatch = headers.getHeaderString(HttpHeaders.IF_MATCH);
        if (ifMatch == null || ifMatch.isBlank()) {
            return write.get();
        }
        return QuarkusTransaction.joiningExisting().call(() -> {
            em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtextextended(?1, 0))) l")
                    .setParameter(1, "if-match:" + resource).getSingleResult();
            Object now = current.get();
            String tag = now == null ? null : etags.of(now);
            if (!ETags.matches(ifMatch, tag)) {
                Map<String, Object> ext = new LinkedHashMap<>();
                if (tag != null) {
                    ext.put("currentETag", tag);
                }
                throw new ProblemException(412, PRECONDITION_FAILED, "The resource has changed",
                        tag == null ? "If-Match " + ifMatch.trim() + " was sent, but there is no current version to match"
                                : "If-Match " + ifMatch.trim() + " does not match the current version " + tag
                                + ": someone changed it since you read it; read it again (GET), reapply your change "
                                + "and send the new ETag", ext);
            }
            return write.get();
        });
    }
}
