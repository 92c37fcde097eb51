package org.suanli.kernel.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.suanli.kernel.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@code Idempotency-Key} contract of every create a client may retry: the same key with the same request
 * gives the same resource back (200) and creates nothing more; the same key with another request is a 409.
 * A refused creation rolls back with its claim, so a corrected retry with the same key is free to succeed.
 * Keys live in the kernel's table {@code idempotency_key} (migration V0_2), per scope (what is created) and
 * owner (the partner, buyer or official asking).
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_KEY_LENGTH = 200;

    /** A key as checked, with the hash of the request it names. */
    public record Key(String scope, String owner, String value, String requestHash) {
    }

    /** What a create answered: the resource, and whether this request made it (201) or replayed it (200). */
    public record Outcome<T>(T value, boolean created) {

        public int status() {
            return created ? 201 : 200;
        }
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    /**
     * The checked key for this request, or empty when the client sent none (then the create simply runs once).
     * {@code request} is what the request asks for, as understood (form records, path ids); its JSON is hashed.
     */
    public Optional<Key> key(String scope, String owner, String header, Object request) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Key(scope, owner, check(header), hashOf(request)));
    }

    /** The checked key when one is required (orders): 400 without one. {@code what} names what one key is for. */
    public static String required(String header, String what) {
        if (header == null || header.isBlank()) {
            throw new ProblemException(400, "idempotency-key-required", "The request is malformed",
                    "the Idempotency-Key header is required: a unique value per " + what + ", e.g. a UUID");
        }
        return check(header);
    }

    /**
     * Creates once per key: inside one transaction the key is claimed, then {@code create} runs (joining it) and the
     * new resource's id is recorded. A concurrent request with the same key waits on the claim and then replays.
     */
    public <T> Outcome<T> once(Optional<Key> key, Supplier<T> create, Function<T, String> idOf, Function<String, T> reload) {
        if (key.isEmpty()) {
            return new Outcome<>(create.get(), true);
        }
        Key k = key.get();
        return QuarkusTransaction.joiningExisting().call(() -> {
            Optional<String> earlier = replay(k);
            if (earlier.isPresent()) {
                return new Outcome<>(reload.apply(earlier.get()), false);
            }
            if (!claim(k, null)) {
                return new Outcome<>(reload.apply(replay(k).orElseThrow()), false);
            }
            T created = create.get();
            em.createNativeQuery("update idempotency_key set resource_id = :id where scope = :s and owner = :o and idem_key = :k")
                    .setParameter("id", idOf.apply(created)).setParameter("s", k.scope()).setParameter("o", k.owner())
                    .setParameter("k", k.value()).executeUpdate();
            return new Outcome<>(created, true);
        });
    }

    /** What an earlier request with this key left: the id of what it made (null while in flight), and its hash. */
    public record Earlier(String resourceId, String requestHash) {

        /** Null when the request is the earlier one again, otherwise the 409 for reusing its key. */
        public ProblemException refusal(Key k) {
            return k.requestHash().equals(requestHash) ? null : ProblemException.conflict("idempotency-key-reused",
                    "Idempotency-Key '" + k.value() + "' was already used for a different request (" + resourceId
                            + "); use a new key for a new request");
        }
    }

    /** The id of what an earlier request with this key made; a 409 when that request was another one. */
    @Transactional
    public Optional<String> replay(Key k) {
        Optional<Earlier> earlier = earlier(k);
        if (earlier.isPresent() && earlier.get().refusal(k) != null) {
            throw earlier.get().refusal(k);
        }
        return earlier.map(Earlier::resourceId);
    }

    /**
     * What an earlier request with this key left, read in the caller's transaction; empty when the key is free.
     * It answers rather than throws, so a batch of many requests' creations goes on past one reused key.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Earlier> earlier(Key k) {
        List<?> rows = em.createNativeQuery(
                        "select resource_id, request_hash from idempotency_key where scope = :s and owner = :o and idem_key = :k")
                .setParameter("s", k.scope()).setParameter("o", k.owner()).setParameter("k", k.value()).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new Earlier((String) row[0], (String) row[1]));
    }

    /**
     * Claims the key in the caller's transaction; false when another request holds it (a concurrent one with the
     * same key waits here until that one commits or rolls back).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean claim(Key k, String resourceId) {
        return em.createNativeQuery("""
                        insert into idempotency_key (scope, owner, idem_key, request_hash, resource_id)
                        values (:s, :o, :k, :h, :id) on conflict do nothing""")
                .setParameter("s", k.scope()).setParameter("o", k.owner()).setParameter("k", k.value())
                .setParameter("h", k.requestHash()).setParameter("id", resourceId).executeUpdate() == 1;
    }

    /**
     * Claims many keys in one statement, in the caller's transaction, each for the resource at the same index
     * (resource ids are unique: a new resource's own);
     * answers which were claimed. A key taken before, by a concurrent request (waited for until it commits or
     * rolls back), or by an earlier item of the same list, is not. Keys are claimed in their sorted order, so two
     * batches with keys in common wait for each other rather than deadlock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean[] claimAll(List<Key> keys, List<String> resourceIds) {
        boolean[] claimed = new boolean[keys.size()];
        if (keys.isEmpty()) {
            return claimed;
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into idempotency_key (scope, owner, idem_key, request_hash, resource_id)
                    select s, o, k, h, id from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[])
                        as t(s, o, k, h, id, i)
                    order by s, o, k, i
                    on conflict do nothing
                    returning resource_id""")) {
                int n = keys.size();
                String[][] columns = new String[5][n];
                Integer[] index = new Integer[n];
                for (int i = 0; i < n; i++) {
                    Key k = keys.get(i);
                    columns[0][i] = k.scope();
                    columns[1][i] = k.owner();
                    columns[2][i] = k.value();
                    columns[3][i] = k.requestHash();
                    columns[4][i] = resourceIds.get(i);
                    index[i] = i;
                }
                for (int col = 0; col < 5; col++) {
                    ps.setArray(col + 1, c.createArrayOf("text", columns[col]));
                }
                ps.setArray(6, c.createArrayOf("int4", index));
                Map<String, Integer> byResource = new HashMap<>();
                for (int i = 0; i < n; i++) {
                    byResource.put(resourceIds.get(i), i);
                }
                try (ResultSet r = ps.executeQuery()) {
                    while (r.next()) {
                        claimed[byResource.get(r.getString(1))] = true;
                    }
                }
            }
        });
        return claimed;
    }

    public static String sha256(String canonical) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String hashOf(Object request) {
        try {
            return sha256(mapper.writeValueAsString(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request not serialisable for its idempotency hash", e);
        }
    }

    public static String check(String header) {
        String k = header.trim();
        if (k.length() > MAX_KEY_LENGTH || !k.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new ProblemException(400, "idempotency-key-invalid", "The request is malformed",
                    "the Idempotency-Key header must be 1-" + MAX_KEY_LENGTH + " visible ASCII characters");
        }
        return k;
    }
}
