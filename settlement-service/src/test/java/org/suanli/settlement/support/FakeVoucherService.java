package org.suanli.settlement.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for voucher-service's read endpoints (CONVENTIONS.md, and its claim records) and for the order and
 * offering reads of order- and catalog-service, on a free local port, so the settlement tests decide what the
 * neighbours' own figures are. Tests set the JSON it answers and see the
 * Authorization header it was called with.
 */
public class FakeVoucherService implements QuarkusTestResourceLifecycleManager {

    /** "2032" or "2032-11" -> JSON array of redemptions. */
    public static final Map<String, String> REDEMPTIONS = new ConcurrentHashMap<>();
    /** "2033" -> JSON array of budgets. */
    public static final Map<String, String> BUDGETS = new ConcurrentHashMap<>();
    /** order id -> JSON of order-service's order, of voucher-service's claim record; offering id -> catalog's offering. */
    public static final Map<String, String> ORDERS = new ConcurrentHashMap<>();
    public static final Map<String, String> CLAIMS = new ConcurrentHashMap<>();
    public static final Map<String, String> OFFERINGS = new ConcurrentHashMap<>();
    public static volatile String lastAuthorization;
    /** When set, every request gets this status. */
    public static volatile int failWith;

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/redemptions", ex -> answer(ex, REDEMPTIONS));
        server.createContext("/api/budgets", ex -> answer(ex, BUDGETS));
        server.createContext("/api/claim-records/", ex -> byId(ex, "/api/claim-records/", CLAIMS));
        server.createContext("/api/orders/", ex -> byId(ex, "/api/orders/", ORDERS));
        server.createContext("/api/offerings/", ex -> byId(ex, "/api/offerings/", OFFERINGS));
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        // the same stand-in answers for order-service's and catalog-service's reads of the claim dossier
        return Map.of("quarkus.rest-client.voucher.url", url, "quarkus.rest-client.orders.url", url,
                "quarkus.rest-client.catalog.url", url);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static void answer(HttpExchange ex, Map<String, String> data) throws IOException {
        lastAuthorization = ex.getRequestHeaders().getFirst("Authorization");
        Map<String, String> q = query(ex.getRequestURI().getRawQuery());
        String key = q.get("year") + (q.containsKey("month") ? "-" + String.format("%02d", Integer.parseInt(q.get("month"))) : "");
        int status = failWith != 0 ? failWith : lastAuthorization == null ? 401 : 200;
        byte[] body = (status == 200 ? data.getOrDefault(key, "[]") : "{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    /** One resource by the id at the end of the path: 200 with its JSON, 404 if the test set none. */
    private static void byId(HttpExchange ex, String prefix, Map<String, String> data) throws IOException {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String json = data.get(ex.getRequestURI().getPath().substring(prefix.length()));
        int status = failWith != 0 ? failWith : auth == null ? 401 : json == null ? 404 : 200;
        byte[] body = (status == 200 ? json : "{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return out;
    }

    /** A redemption row as voucher-service writes it. */
    public static String redemption(String orderId, int year, String suanli, String zhineng) {
        return "{\"orderId\":\"" + orderId + "\",\"buyerId\":\"ent-xihu-ai\",\"programYear\":" + year
                + ",\"redeemedAt\":\"" + year + "-03-01T10:00:00Z\",\"actualAmount\":\"1000.00\",\"suanli\":\"" + suanli
                + "\",\"zhineng\":\"" + zhineng + "\"}";
    }

    public static String array(List<String> rows) {
        return "[" + String.join(",", rows) + "]";
    }
}
