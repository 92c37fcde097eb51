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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/** The stack's HTTP APIs as a plain client sees them: JSON in, JSON out, a bearer token. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String CATALOG = System.getProperty("bench.catalog", "http://127.0.0.1:8081");
    static final String ORDER = System.getProperty("bench.order", "http://127.0.0.1:8082");
    static final String VOUCHER = System.getProperty("bench.voucher", "http://127.0.0.1:8083");
    static final String SETTLEMENT = System.getProperty("bench.settlement", "http://127.0.0.1:8084");
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
