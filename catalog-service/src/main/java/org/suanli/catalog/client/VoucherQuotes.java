package org.suanli.catalog.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
                QuoteBatch answer = client.quote(bearer, new QuoteRequest(null, zhinengMode, chunk));
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
}
