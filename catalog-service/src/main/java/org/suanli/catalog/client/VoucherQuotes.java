package org.suanli.catalog.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asks voucher-service for the buyer's net prices. Never fails the caller: if voucher-service is down,
 * slow or refuses, the answer is empty and search falls back to list prices.
 */
@ApplicationScoped
public class VoucherQuotes {

    private static final Logger LOG = Logger.getLogger(VoucherQuotes.class);
    static final int BATCH = 100;

    @Inject
    @RestClient
    VoucherClient client;

    /** Quotes by ref, or empty when any part could not be quoted. */
    public Optional<Map<String, QuoteBatch.Quote>> quote(String bearer, String zhinengMode, List<QuoteRequest.Item> items) {
        if (items.isEmpty()) {
            return Optional.of(Map.of());
        }
        Map<String, QuoteBatch.Quote> byRef = new HashMap<>();
        try {
            for (int from = 0; from < items.size(); from += BATCH) {
                List<QuoteRequest.Item> chunk = new ArrayList<>(items.subList(from, Math.min(items.size(), from + BATCH)));
                QuoteBatch answer = quoteOnce(bearer, new QuoteRequest(null, zhinengMode, chunk));
                if (answer == null || answer.items() == null) {
                    return Optional.empty();
                }
                answer.items().forEach(q -> byRef.put(q.ref(), q));
            }
        } catch (RuntimeException e) {
            LOG.warnf("voucher-service quote unavailable, falling back to list prices: %s", e.getMessage());
            return Optional.empty();
        }
        return items.stream().allMatch(i -> byRef.containsKey(i.ref())) ? Optional.of(byRef) : Optional.empty();
    }

    /**
     * One quote call, tried once more at once if voucher-service could not be reached (refused, reset, timed out):
     * behind a {@code stork://} URL with several instances (deploy/cluster.sh) the second try goes to the next one.
     * A quote changes nothing, so asking twice is harmless; an answer (any HTTP status) is not retried.
     */
    private QuoteBatch quoteOnce(String bearer, QuoteRequest request) {
        try {
            return client.quote(bearer, request);
        } catch (ProcessingException unreachable) {
            LOG.debugf("voucher-service unreachable for a quote, trying once more: %s", unreachable.getMessage());
            return client.quote(bearer, request);
        }
    }
}
