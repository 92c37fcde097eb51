package org.suanli.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * In every service's {@code @QuarkusTest}s (test-support is indexed there): each answer of an operation that the
 * committed document {@code docs/openapi/<service>.yaml} lists must have a status the document lists for that
 * operation. An undocumented one is turned into a 500 problem naming it, so the test that provoked it fails, and is
 * written to {@code target/undocumented-statuses.txt}: every test of the suite checks the contract's statuses, not
 * only the ones written for it. {@code -Dopenapi.refresh=true} (the document is being rewritten) and
 * {@code -Dopenapi.statuses=record} (only write the file, and every answered status to
 * {@code target/answered-statuses.txt}; answers unchanged) leave the answers alone.
 */
@Provider
public class DocumentedStatuses implements ContainerResponseFilter {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static volatile List<Op> operations;

    record Op(String method, String template, Pattern path, int parameters, List<String> statuses) {
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (Boolean.getBoolean(OpenApiDocument.REFRESH)) {
            return;
        }
        String method = request.getMethod().toLowerCase();
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
        Op op = operation(method, path);
        int status = response.getStatus();
        boolean recordOnly = "record".equals(System.getProperty("openapi.statuses"));
        if (recordOnly && op != null) {
            record("answered-statuses.txt", method.toUpperCase() + " " + op.template + " " + status);
        }
        if (op == null || status == 500 || op.statuses.contains(String.valueOf(status))) {
            return; // not a documented operation (e.g. /q/health), or an unforeseen failure that fails its test anyway
        }
        String what = method.toUpperCase() + " " + op.template + " answered " + status + ", which "
                + document() + " does not list for it (it lists " + op.statuses + ")";
        record("undocumented-statuses.txt", what);
        if (recordOnly) {
            return;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://suanli.market/problems/undocumented-status");
        problem.put("title", "An answer the API contract does not document");
        problem.put("status", 500);
        problem.put("detail", what);
        response.setStatus(500);
        response.setEntity(problem, null, MediaType.valueOf("application/problem+json"));
    }

    private static Op operation(String method, String path) {
        Op best = null;
        for (Op op : operations()) {
            if (op.method.equals(method) && op.path.matcher(path).matches() && (best == null || op.parameters < best.parameters)) {
                best = op; // /api/partners/me before /api/partners/{id}
            }
        }
        return best;
    }

    private static String document() {
        return "docs/openapi/" + ConfigProvider.getConfig().getValue("quarkus.application.name", String.class) + ".yaml";
    }

    private static List<Op> operations() {
        if (operations == null) {
            synchronized (DocumentedStatuses.class) {
                if (operations == null) {
                    operations = read(Path.of("").toAbsolutePath().getParent().resolve(document()));
                }
            }
        }
        return operations;
    }

    static List<Op> read(Path file) {
        List<Op> ops = new ArrayList<>();
        if (!Files.exists(file)) {
            return ops;
        }
        try {
            JsonNode doc = YAML.readTree(file.toFile());
            for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> p = paths.next();
                StringBuilder regex = new StringBuilder();
                int parameters = 0;
                for (String part : p.getKey().split("(?=\\{)|(?<=\\})")) {
                    if (part.startsWith("{")) {
                        regex.append("[^/]+");
                        parameters++;
                    } else {
                        regex.append(Pattern.quote(part));
                    }
                }
                for (Iterator<Map.Entry<String, JsonNode>> methods = p.getValue().fields(); methods.hasNext(); ) {
                    Map.Entry<String, JsonNode> m = methods.next();
                    List<String> statuses = new ArrayList<>();
                    m.getValue().path("responses").fieldNames().forEachRemaining(statuses::add);
                    ops.add(new Op(m.getKey(), p.getKey(), Pattern.compile(regex.toString()), parameters, statuses));
                }
            }
            return ops;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized void record(String file, String what) {
        try {
            Files.writeString(Path.of("target", file), what + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
