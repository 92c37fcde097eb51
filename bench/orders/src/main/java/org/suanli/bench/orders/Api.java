package org.suanli.bench.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** The stack's HTTP APIs as a plain client sees them: JSON in, JSON out, a bearer token. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Each service's base URLs: one, or several separated by commas (deploy/cluster.sh's two instances). The first
     * serves the set-up; the orders and their actions go round robin over all ({@link #order()}), so a retry after
     * a failed call goes to the next instance, as behind a load balancer.
     */
    static final List<String> CATALOGS = urls("bench.catalog", "http://127.0.0.1:8081");
    static final List<String> ORDERS = urls("bench.order", "http://127.0.0.1:8082");
    static final List<String> VOUCHERS = urls("bench.voucher", "http://127.0.0.1:8083");
    static final List<String> SETTLEMENTS = urls("bench.settlement", "http://127.0.0.1:8084");
    static final String CATALOG = CATALOGS.get(0);
    static final String ORDER = ORDERS.get(0);
    static final String VOUCHER = VOUCHERS.get(0);
    static final String SETTLEMENT = SETTLEMENTS.get(0);
    private static final AtomicInteger NEXT_ORDER = new AtomicInteger();
    static final String KEYCLOAK = System.getProperty("bench.keycloak", "http://127.0.0.1:8180");

    /** HTTP/1.1 keep-alive: what the services speak; a connection per request in flight, pooled. */
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).executor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "http");
                t.setDaemon(true);
                return t;
            })).build();

    record Answer(int status, JsonNode body, String location) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private Api() {
    }

    private static List<String> urls(String property, String fallback) {
        return Arrays.stream(System.getProperty(property, fallback).split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    /** order-service's next instance, round robin (the only one on the single stack). */
    static String order() {
        return ORDERS.get(Math.floorMod(NEXT_ORDER.getAndIncrement(), ORDERS.size()));
    }

    /** The instance after {@code base} (a retry goes there rather than to the one that just failed). */
    static String orderAfter(String base) {
        int i = ORDERS.indexOf(base);
        return ORDERS.get((i + 1) % ORDERS.size());
    }

    /** The first instance of {@code bases} that answers at all (a dead one gives -1): a read that survives one dying. */
    static Answer callAny(List<String> bases, String method, String path, String token, Object body) {
        Answer a = null;
        for (String base : bases) {
            a = call(method, base + path, token, body);
            if (a.status() != -1 && a.status() != 502 && a.status() != 503) {
                return a;
            }
        }
        return a;
    }

    static HttpRequest request(String method, String url, String token, Object body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : write(body)));
        }
        return b.build();
    }

    static Answer call(String method, String url, String token, Object body) {
        return call(request(method, url, token, body, Map.of()));
    }

    static Answer call(HttpRequest r) {
        try {
            return answer(CLIENT.send(r, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return new Answer(-1, NullNode.getInstance(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static CompletableFuture<Answer> async(HttpRequest r) {
        return CLIENT.sendAsync(r, HttpResponse.BodyHandlers.ofString()).handle((resp, err) ->
                err != null ? new Answer(-1, NullNode.getInstance(), null) : answer(resp));
    }

    /** A form POST (Keycloak's token endpoint). */
    static Answer form(String url, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return call(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static Answer expect(Answer a, String what, int... statuses) {
        for (int s : statuses) {
            if (a.status() == s) {
                return a;
            }
        }
        throw new IllegalStateException(what + ": HTTP " + a.status() + " " + a.body());
    }

    private static Answer answer(HttpResponse<String> resp) {
        JsonNode body;
        try {
            body = resp.body() == null || resp.body().isBlank() ? NullNode.getInstance() : JSON.readTree(resp.body());
        } catch (IOException e) {
            body = JSON.getNodeFactory().textNode(resp.body());
        }
        return new Answer(resp.statusCode(), body, resp.headers().firstValue("Location").orElse(null));
    }

    static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
