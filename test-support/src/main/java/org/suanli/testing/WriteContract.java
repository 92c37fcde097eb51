package org.suanli.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DynamicTest;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request contract, checked on every write operation a service documents: it reads the service's OpenAPI
 * document, and for each POST / PUT / PATCH / DELETE sends every class of bad request (wrong or no Content-Type,
 * an Accept it cannot answer, a repeated member, content after the document, a number where text belongs, NUL,
 * a lone surrogate, malformed JSON) with a real token of a role the operation allows, and checks the answer is
 * the contract's 4xx as problem+json in plain words, that the operation's document lists that status, and that the
 * service's tables did not change. A new
 * endpoint is covered the moment it is documented, without touching the tests.
 *
 * <pre>
 * &#64;TestFactory Stream&lt;DynamicTest&gt; every_write_refuses_bad_requests() {
 *     return WriteContract.of(baseUrl, WriteContract.tables(dataSource)).tests().stream();
 * }
 * </pre>
 */
public final class WriteContract {

    /** Users by the role they hold (the realm's demo users). */
    private static final Map<String, String> USER_OF_ROLE = Map.of("sme", "sme1", "partner", "partner1",
            "admin", "admin1", "finance", "finance1");
    private static final List<String> ALL_USERS = List.of("admin1", "finance1", "sme1", "partner1");
    /** Words that mean a framework or Java leaked into a detail. */
    private static final Pattern LEAK = Pattern.compile(
            "java\\.|jakarta\\.|com\\.fasterxml|jackson|MessageBodyReader|resteasy|quarkus|vertx|Exception|`|HTTP [0-9]{3}",
            Pattern.CASE_INSENSITIVE);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final Supplier<String> state;
    private JsonNode document;

    private WriteContract(String base, Supplier<String> state) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.state = state;
    }

    /** @param baseUrl the service's root, e.g. {@code http://localhost:8081}; @param state what must not change */
    public static WriteContract of(Object baseUrl, Supplier<String> state) {
        return new WriteContract(String.valueOf(baseUrl), state);
    }

    /** One dynamic test per write operation and class of bad request. */
    public List<DynamicTest> tests() {
        document = get("/q/openapi?format=json");
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation op : operations()) {
            for (BadRequest bad : badRequests(op)) {
                tests.add(DynamicTest.dynamicTest(op.method + " " + op.path + ": " + bad.name, () -> check(op, bad)));
            }
        }
        assertThat(tests).as("write operations documented in " + base + "/q/openapi").isNotEmpty();
        return tests;
    }

    /** A fingerprint of every row of the service's own tables (not the outbox, inbox or Flyway's history). */
    public static Supplier<String> tables(DataSource dataSource) {
        return () -> {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet r = s.executeQuery("select tablename from pg_tables where schemaname = current_schema() "
                        + "and tablename not in ('flyway_schema_history', 'outbox_event', 'inbox_event') order by 1")) {
                    while (r.next()) {
                        tables.add(r.getString(1));
                    }
                }
                StringBuilder b = new StringBuilder();
                for (String t : tables) {
                    try (ResultSet r = s.executeQuery("select count(*), md5(coalesce(string_agg(x::text, '|' order by x::text), '')) from "
                            + '"' + t + "\" x")) {
                        r.next();
                        b.append(t).append('=').append(r.getLong(1)).append(':').append(r.getString(2)).append('\n');
                    }
                }
                return b.toString();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    record Operation(String method, String path, String concretePath, List<String> users, Map<String, String> headers,
                     JsonNode sample, List<Object> textField) {
    }

    /** A bad request and what the contract answers: the status and, if any, words the detail must contain. */
    record BadRequest(String name, String contentType, String accept, String body, int status, String mentions) {
    }

    List<Operation> operations() {
        List<Operation> ops = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (String method : List.of("post", "put", "patch", "delete")) {
                JsonNode op = p.getValue().get(method);
                if (op == null) {
                    continue;
                }
                List<JsonNode> params = new ArrayList<>();
                p.getValue().path("parameters").forEach(params::add);
                op.path("parameters").forEach(params::add);
                String concrete = p.getKey();
                Map<String, String> headers = new LinkedHashMap<>();
                StringBuilder query = new StringBuilder();
                for (JsonNode param : params) {
                    JsonNode resolved = resolve(param);
                    String name = resolved.path("name").asText();
                    String in = resolved.path("in").asText();
                    String value = parameterValue(name, resolve(resolved.path("schema")));
                    switch (in) {
                        case "path" -> concrete = concrete.replace("{" + name + "}", value);
                        case "header" -> headers.put(name, "contract-" + UUID.randomUUID());
                        case "query" -> {
                            if (resolved.path("required").asBoolean(false)) {
                                query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(value);
                            }
                        }
                        default -> {
                        }
                    }
                }
                JsonNode schema = op.path("requestBody").path("content").path("application/json").path("schema");
                JsonNode sample = schema.isMissingNode() ? null : sample(schema, 0);
                List<Object> textField = sample == null ? null : textField(sample, new ArrayList<>());
                ops.add(new Operation(method.toUpperCase(), p.getKey(), concrete + query, users(op), headers, sample, textField));
            }
        }
        return ops;
    }

    List<BadRequest> badRequests(Operation op) {
        List<BadRequest> bad = new ArrayList<>();
        String json = "application/json";
        if (op.sample == null) {
            // An operation that takes no body takes none, in any form.
            bad.add(new BadRequest("a body sent as text/plain", "text/plain", null, "surprise", 415, null));
            bad.add(new BadRequest("a body without Content-Type", null, null, "{\"reason\":\"x\"}", 415, null));
            bad.add(new BadRequest("a JSON body where none is taken", json, null, "{\"reason\":\"x\"}", 415, null));
            bad.add(new BadRequest("malformed JSON where none is taken", json, null, "{\"reason\":", 415, null));
            bad.add(new BadRequest("Accept: application/xml", null, "application/xml", null, 406, null));
            return bad;
        }
        String good = write(op.sample);
        bad.add(new BadRequest("JSON sent as text/plain", "text/plain", null, good, 415, null));
        bad.add(new BadRequest("JSON sent without Content-Type", null, null, good, 415, null));
        bad.add(new BadRequest("JSON declared in another charset", json + "; charset=ISO-8859-1", null, good, 415, null));
        bad.add(new BadRequest("Accept: application/xml", json, "application/xml", good, 406, null));
        bad.add(new BadRequest("malformed JSON", json, null, good.substring(0, Math.max(1, good.length() / 2)), 400, "line"));
        bad.add(new BadRequest("content after the JSON document", json, null, good + " {}", 400, null));
        if (op.sample.isObject() && op.sample.size() > 0) {
            Map.Entry<String, JsonNode> first = op.sample.fields().next();
            String duplicate = "{\"" + first.getKey() + "\":" + write(first.getValue()) + "," + good.substring(1);
            bad.add(new BadRequest("a member repeated", json, null, duplicate, 400, first.getKey()));
        }
        if (op.textField != null) {
            String path = jsonPath(op.textField);
            bad.add(new BadRequest("a number where text belongs (" + path + ")", json, null,
                    replace(op, JsonNodeFactory.instance.numberNode(12345)), 400, path));
            bad.add(new BadRequest("true where text belongs (" + path + ")", json, null,
                    replace(op, JsonNodeFactory.instance.booleanNode(true)), 400, path));
            bad.add(new BadRequest("NUL in text (" + path + ")", json, null,
                    replace(op, JsonNodeFactory.instance.textNode("pro\u0000be")), 400, path));
            bad.add(new BadRequest("a control character in text (" + path + ")", json, null,
                    replace(op, JsonNodeFactory.instance.textNode("pro\u001Bbe")), 400, path));
            // Jackson would write a lone surrogate as '?': the escape goes in by hand.
            String marker = "contract-surrogate-marker";
            bad.add(new BadRequest("an unpaired surrogate in text (" + path + ")", json, null,
                    replace(op, JsonNodeFactory.instance.textNode(marker)).replace(marker, "pro\\uD800be"), 400, path));
        }
        return bad;
    }

    void check(Operation op, BadRequest bad) throws Exception {
        String before = state.get();
        HttpResponse<String> first = null;
        for (String user : op.users) {
            HttpResponse<String> r = send(op, bad, user);
            first = first == null ? r : first;
            if (r.statusCode() != 401 && r.statusCode() != 403) {
                first = r;
                break;
            }
        }
        HttpResponse<String> r = first;
        String what = op.method + " " + op.concretePath + " with " + bad.name + " → " + r.statusCode() + " " + r.body();
        assertThat(r.statusCode()).as(what).isEqualTo(bad.status);
        // the answer is one the operation's document promises, so a client generated from it handles it
        assertThat(document.path("paths").path(op.path).path(op.method.toLowerCase()).path("responses")
                .has(String.valueOf(r.statusCode()))).as(what + ": status documented for " + op.method + " " + op.path).isTrue();
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.path("status").asInt()).as(what).isEqualTo(bad.status);
        assertThat(problem.path("type").asText()).as(what).startsWith("https://suanli.market/problems/");
        String detail = problem.path("detail").asText();
        assertThat(detail).as(what).isNotBlank().doesNotContainPattern(LEAK);
        if (bad.mentions != null) {
            assertThat(detail).as(what).contains(bad.mentions);
        }
        assertThat(state.get()).as("nothing changed after " + what).isEqualTo(before);
    }

    private HttpResponse<String> send(Operation op, BadRequest bad, String user) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + op.concretePath)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + Tokens.of(user));
        op.headers.forEach((k, v) -> b.header(k, v + "-" + bad.name.hashCode()));
        if (bad.contentType != null) {
            b.header("Content-Type", bad.contentType);
        }
        if (bad.accept != null) {
            b.header("Accept", bad.accept);
        }
        b.method(op.method, bad.body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(bad.body.getBytes(StandardCharsets.UTF_8)));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The documented roles (the security requirement's scopes), each as its demo user; else everyone in turn. */
    private static List<String> users(JsonNode op) {
        List<String> users = new ArrayList<>();
        for (JsonNode requirement : op.path("security")) {
            for (Iterator<JsonNode> scopes = requirement.elements(); scopes.hasNext(); ) {
                for (JsonNode role : scopes.next()) {
                    String user = USER_OF_ROLE.get(role.asText());
                    if (user != null && !users.contains(user)) {
                        users.add(user);
                    }
                }
            }
        }
        return users.isEmpty() ? ALL_USERS : users;
    }

    private static String parameterValue(String name, JsonNode schema) {
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(0).asText();
        }
        if (name.toLowerCase().contains("year")) {
            return "2026";
        }
        String type = schema.path("type").asText();
        if (type.equals("integer") || type.equals("number") || name.equalsIgnoreCase("id")) {
            return "1";
        }
        return "contract-probe-" + name.toLowerCase();
    }

    /** A body with every documented member, each a plausible value of its type. */
    private JsonNode sample(JsonNode schema, int depth) {
        JsonNode s = resolve(schema);
        if (s.has("allOf")) {
            return sample(s.get("allOf").get(0), depth);
        }
        if (s.has("oneOf") || s.has("anyOf")) {
            return sample((s.has("oneOf") ? s.get("oneOf") : s.get("anyOf")).get(0), depth);
        }
        if (s.has("enum") && s.get("enum").size() > 0) {
            return s.get("enum").get(0);
        }
        if (s.has("example") && !s.get("example").isContainerNode()) {
            return s.get("example");
        }
        String type = s.path("type").asText(s.has("properties") ? "object" : "");
        String format = s.path("format").asText("");
        return switch (type) {
            case "string" -> switch (format) {
                case "date" -> JsonNodeFactory.instance.textNode("2026-11-22");
                case "date-time" -> JsonNodeFactory.instance.textNode("2026-11-23T09:00:00+08:00");
                default -> JsonNodeFactory.instance.textNode("probe");
            };
            case "integer" -> JsonNodeFactory.instance.numberNode(1);
            case "number" -> JsonNodeFactory.instance.numberNode(1);
            case "boolean" -> JsonNodeFactory.instance.booleanNode(true);
            case "array" -> {
                ArrayNode a = JsonNodeFactory.instance.arrayNode();
                if (depth < 6) {
                    a.add(sample(s.path("items"), depth + 1));
                }
                yield a;
            }
            default -> {
                ObjectNode o = JsonNodeFactory.instance.objectNode();
                if (depth < 6) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = s.path("properties").fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = it.next();
                        o.set(e.getKey(), sample(e.getValue(), depth + 1));
                    }
                }
                yield o;
            }
        };
    }

    /** The path of the first plain text member (not a date, not a choice), depth first; null if there is none. */
    private static List<Object> textField(JsonNode n, List<Object> at) {
        if (n.isTextual() && n.textValue().equals("probe")) {
            return at;
        }
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                List<Object> next = new ArrayList<>(at);
                next.add(e.getKey());
                List<Object> found = textField(e.getValue(), next);
                if (found != null) {
                    return found;
                }
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                List<Object> next = new ArrayList<>(at);
                next.add(i);
                List<Object> found = textField(n.get(i), next);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String replace(Operation op, JsonNode value) {
        JsonNode copy = op.sample.deepCopy();
        JsonNode parent = copy;
        List<Object> path = op.textField;
        for (int i = 0; i < path.size() - 1; i++) {
            parent = path.get(i) instanceof Integer k ? parent.get(k) : parent.get((String) path.get(i));
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer k) {
            ((ArrayNode) parent).set(k, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
        return write(copy);
    }

    /** "facilities[0].name", as the services name fields in their problems. */
    static String jsonPath(List<Object> path) {
        StringBuilder b = new StringBuilder();
        for (Object p : path) {
            if (p instanceof Integer k) {
                b.append('[').append(k).append(']');
            } else {
                b.append(b.isEmpty() ? "" : ".").append(p);
            }
        }
        return b.toString();
    }

    private JsonNode resolve(JsonNode n) {
        JsonNode at = n;
        for (int hops = 0; at.has("$ref") && hops < 10; hops++) {
            String ref = at.get("$ref").asText();
            at = document.at(ref.startsWith("#") ? ref.substring(1) : ref);
        }
        return at;
    }

    private JsonNode get(String path) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("GET " + base + path).isEqualTo(200);
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(JsonNode n) {
        try {
            return JSON.writeValueAsString(n);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
