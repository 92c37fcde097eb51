package org.suanli.order.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for catalog-service's {@code GET /api/offerings/{id}}: a real HTTP server on a random port,
 * serving what the tests register. A second server (the control port) lets tests register offerings,
 * read which Authorization header catalog received, and take "catalog" down (its port then refuses
 * connections) and up again. Tests talk to it through {@link Catalog}, over HTTP only, so nothing depends
 * on which class loader runs this resource.
 */
public class CatalogStub implements QuarkusTestResourceLifecycleManager {

    private final Map<String, String> offerings = new ConcurrentHashMap<>();
    private final Map<String, String> seenAuthorization = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> reads = new ConcurrentHashMap<>();
    /** How long catalog takes to answer an offering (a busy catalog-service). */
    private volatile long answerMillis;
    private volatile HttpServer catalog;
    private volatile int catalogPort;
    private HttpServer control;

    @Override
    public Map<String, String> start() {
        try {
            catalogUp();
            control = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            control.createContext("/", this::control);
            control.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("quarkus.rest-client.catalog.url", "http://127.0.0.1:" + catalogPort,
                "catalog-stub.control-url", "http://127.0.0.1:" + control.getAddress().getPort());
    }

    @Override
    public void stop() {
        catalogDown();
        if (control != null) {
            control.stop(0);
        }
    }

    private synchronized void catalogUp() throws IOException {
        if (catalog == null) {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", catalogPort), 0);
            s.setExecutor(java.util.concurrent.Executors.newCachedThreadPool()); // answers concurrently, as catalog does
            s.createContext("/api/offerings/", this::offering);
            s.start();
            catalogPort = s.getAddress().getPort();
            catalog = s;
        }
    }

    private synchronized void catalogDown() {
        if (catalog != null) {
            catalog.stop(0);
            catalog = null;
        }
    }

    private void control(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        if (method.equals("PUT") && path.startsWith("/offerings/")) {
            offerings.put(path.substring("/offerings/".length()),
                    new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            respond(ex, 204, null, null);
        } else if (method.equals("GET") && path.startsWith("/auth/")) {
            String auth = seenAuthorization.get(path.substring("/auth/".length()));
            respond(ex, auth == null ? 404 : 200, "text/plain", auth);
        } else if (method.equals("GET") && path.startsWith("/reads/")) {
            var n = reads.get(path.substring("/reads/".length()));
            respond(ex, 200, "text/plain", String.valueOf(n == null ? 0 : n.get()));
        } else if (method.equals("PUT") && path.equals("/answer-millis")) {
            answerMillis = Long.parseLong(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).trim());
            respond(ex, 204, null, null);
        } else if (method.equals("POST") && path.equals("/down")) {
            catalogDown();
            respond(ex, 204, null, null);
        } else if (method.equals("POST") && path.equals("/up")) {
            catalogUp();
            respond(ex, 204, null, null);
        } else {
            respond(ex, 404, null, null);
        }
    }

    private void offering(HttpExchange ex) throws IOException {
        String id = ex.getRequestURI().getPath().substring("/api/offerings/".length());
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            respond(ex, 401, "application/problem+json", "{\"status\":401}");
            return;
        }
        seenAuthorization.put(id, auth);
        reads.computeIfAbsent(id, k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
        if (answerMillis > 0) {
            try {
                Thread.sleep(answerMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String body = offerings.get(id);
        if (body == null) {
            respond(ex, 404, "application/problem+json",
                    "{\"type\":\"https://suanli.market/problems/not-found\",\"status\":404}");
        } else if (body.startsWith("HTTP ")) {
            respond(ex, Integer.parseInt(body.substring(5)), "application/problem+json", "{}");
        } else {
            respond(ex, 200, "application/json", body);
        }
    }

    private static void respond(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (type != null) {
            ex.getResponseHeaders().add("Content-Type", type);
        }
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
