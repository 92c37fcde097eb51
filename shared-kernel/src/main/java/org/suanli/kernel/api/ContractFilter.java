package org.suanli.kernel.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.suanli.kernel.problem.Problem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parts of every service's OpenAPI document that are the marketplace's conventions rather than one
 * endpoint's: the problem+json schema on every error answer, money and GPU-hours as patterned strings, the
 * Keycloak bearer scheme and the roles of each operation, ETag / If-Match / Idempotency-Key, and an example for
 * every request and answer (from the schemas and {@link ApiContract#SAMPLES}). Registered for every service by
 * {@code mp.openapi.filter} in the kernel's configuration; runs at build time.
 */
public class ContractFilter implements OASFilter {

    private static final String PROBLEM = "Problem";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
    private static final Map<String, String> ERRORS = Map.ofEntries(
            Map.entry("302", "Not signed in: the browser is sent to Keycloak's login page, and back here after it"),
            Map.entry("400", "Malformed request: the problem's detail says what to fix; nothing was changed"),
            Map.entry("401", "No token, or an expired, forged or foreign one"),
            Map.entry("403", "The token's role does not allow this operation"),
            Map.entry("404", "Unknown, or not yours (someone else's resources are not found)"),
            Map.entry("406", "The Accept header allows none of the media types this operation answers in; nothing was changed"),
            Map.entry("409", "Conflict with the current state, or an Idempotency-Key reused for another request"),
            Map.entry("412", "If-Match does not match the current ETag: someone changed it since you read it; nothing was changed"),
            Map.entry("415", "A body that is not JSON in UTF-8 (Content-Type application/json), or a body where none is "
                    + "taken; nothing was changed"),
            Map.entry("422", "A rule of the programme refuses the request; nothing was changed"),
            Map.entry("429", "Too many requests from this client: try again after the seconds Retry-After says; nothing was changed"),
            Map.entry("502", "A service this request needs answered wrongly; nothing was changed"),
            Map.entry("503", "A service this request needs is unavailable; nothing was changed, try again later"));

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Components components = api.getComponents() == null ? OASFactory.createComponents() : api.getComponents();
        api.setComponents(components);
        components.addSchema(PROBLEM, problemSchema());
        Map<String, Schema> schemas = components.getSchemas() == null ? Map.of() : components.getSchemas();

        Set<String> requestSchemas = new HashSet<>();
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            for (PathItem item : api.getPaths().getPathItems().values()) {
                for (Operation op : item.getOperations().values()) {
                    if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                        op.getRequestBody().getContent().getMediaTypes().values()
                                .forEach(m -> reachable(m.getSchema(), schemas, requestSchemas));
                    }
                }
            }
        }
        schemas.forEach((name, schema) -> units(schema, requestSchemas.contains(name)));

        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            for (Map.Entry<String, PathItem> e : api.getPaths().getPathItems().entrySet()) {
                for (Map.Entry<PathItem.HttpMethod, Operation> o : e.getValue().getOperations().entrySet()) {
                    operation(e.getKey(), o.getKey(), o.getValue(), schemas);
                }
            }
        }
    }

    private void operation(String path, PathItem.HttpMethod method, Operation op, Map<String, Schema> schemas) {
        APIResponses responses = op.getResponses() == null ? OASFactory.createAPIResponses() : op.getResponses();
        op.setResponses(responses);
        boolean write = method != PathItem.HttpMethod.GET;
        boolean secured = op.getSecurity() != null && !op.getSecurity().isEmpty();
        boolean hasInput = op.getRequestBody() != null || (op.getParameters() != null && !op.getParameters().isEmpty());

        // roles, from the security requirement the @RolesAllowed gave
        List<String> roles = new ArrayList<>();
        if (secured) {
            for (SecurityRequirement r : op.getSecurity()) {
                if (r.getSchemes() != null) {
                    r.getSchemes().values().forEach(roles::addAll);
                }
            }
        }
        StringBuilder description = new StringBuilder(op.getDescription() == null ? "" : op.getDescription().strip());
        if (!roles.isEmpty()) {
            description.append(description.isEmpty() ? "" : "\n\n").append("**Roles:** ").append(String.join(", ", roles))
                    .append(" (Keycloak realm `suanli`, bearer access token).");
        }
        boolean etag = flag(op, ApiContract.ETAG);
        boolean ifMatch = flag(op, ApiContract.IF_MATCH);
        boolean idempotent = op.getParameters() != null
                && op.getParameters().stream().anyMatch(p -> "Idempotency-Key".equalsIgnoreCase(p.getName()));
        if (ifMatch) {
            op.addParameter(OASFactory.createParameter().name("If-Match").in(Parameter.In.HEADER).required(false)
                    .description("The ETag of your last read. When sent, the write happens only if nobody changed the "
                            + "resource since (else 412 and nothing changes); without it the write goes ahead.")
                    .schema(OASFactory.createSchema().addType(SchemaType.STRING)).example("\"5d41402abc4b2a76b9719d911017c592\""));
            description.append("\n\nHonours `If-Match` (optional): 412 when the ETag is stale.");
            error(responses, "412");
        }
        if (idempotent) {
            op.getParameters().stream().filter(p -> "Idempotency-Key".equalsIgnoreCase(p.getName())).forEach(p -> {
                p.setDescription("A unique value per create you mean (e.g. a UUID), 1–200 visible ASCII characters. "
                        + "Retrying with the same key and the same body answers the resource made the first time (200) and "
                        + "creates nothing more; the same key with another body is a 409.");
                p.setExample("3f1c9a0e-6a52-4b1f-9d0c-2f7e8b4a1c55");
            });
            description.append("\n\nIdempotent with `Idempotency-Key`: a retry answers the first result.");
            error(responses, "409");
        }
        String created = extension(op, ApiContract.CREATED);
        if (created != null) {
            created(responses, "location".equals(created), idempotent);
        }
        String refuses = extension(op, ApiContract.REFUSES);
        if (refuses != null) {
            for (String code : refuses.trim().split("\\s+")) {
                error(responses, code);
            }
        }
        op.setDescription(description.isEmpty() ? op.getSummary() : description.toString());

        // every operation: RequestContract answers 406 to an Accept it cannot meet and 415 to a body it does not take
        error(responses, "406");
        error(responses, "415");
        if (etag && !write) {
            responses.addAPIResponse("304", OASFactory.createAPIResponse().description(
                    "Not modified: If-None-Match named the current ETag; no body"));
        }
        if (secured) {
            error(responses, "401");
            error(responses, "403");
        }
        if (hasInput) {
            error(responses, "400");
        }
        if (path.contains("{")) {
            error(responses, "404");
        }
        if (responses.getAPIResponses() != null) {
            for (Map.Entry<String, APIResponse> r : responses.getAPIResponses().entrySet()) {
                APIResponse response = r.getValue();
                if (r.getKey().startsWith("4") || r.getKey().startsWith("5")) {
                    problemContent(response, r.getKey(), path);
                } else if (etag && r.getKey().startsWith("2")) {
                    response.addHeader("ETag", OASFactory.createHeader().description(
                                    "Version of this representation: send it back as If-Match to write safely, or as "
                                            + "If-None-Match to read it again cheaply (304)")
                            .schema(OASFactory.createSchema().addType(SchemaType.STRING)));
                }
                examples(response.getContent(), schemas);
            }
        }
        if (op.getRequestBody() != null) {
            examples(op.getRequestBody().getContent(), schemas);
        }
        if (write && ifMatch && op.getResponses().getAPIResponse("200") == null && op.getResponses().getAPIResponse("201") == null) {
            op.getResponses().addAPIResponse("200", OASFactory.createAPIResponse().description("OK"));
        }
    }

    private static String extension(Operation op, String name) {
        Object value = op.getExtensions() == null ? null : op.getExtensions().get(name);
        return value == null ? null : String.valueOf(value);
    }

    /** A create answers 201 with what it made (and where, if it says so); a retry of an idempotent one answers 200. */
    private static void created(APIResponses responses, boolean location, boolean idempotent) {
        APIResponse ok = responses.getAPIResponse("200");
        APIResponse made = OASFactory.createAPIResponse().description("Created: the resource this request made"
                + (location ? "; Location names it" : ""));
        if (ok != null) {
            made.setContent(ok.getContent());
        }
        if (location) {
            made.addHeader("Location", OASFactory.createHeader().description("The URL of the resource made")
                    .schema(OASFactory.createSchema().addType(SchemaType.STRING).format("uri-reference")));
        }
        responses.addAPIResponse("201", made);
        if (idempotent && ok != null) {
            ok.setDescription("A retry with the same Idempotency-Key and body: the resource the first request made; "
                    + "nothing more is created");
        } else {
            responses.removeAPIResponse("200");
        }
    }

    private static boolean flag(Operation op, String name) {
        return op.getExtensions() != null && op.getExtensions().containsKey(name);
    }

    private static void error(APIResponses responses, String code) {
        if (responses.getAPIResponse(code) == null) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(ERRORS.get(code)));
        } else if (responses.getAPIResponse(code).getDescription() == null
                || responses.getAPIResponse(code).getDescription().length() < 20) {
            responses.getAPIResponse(code).setDescription(ERRORS.get(code));
        }
    }

    private static void problemContent(APIResponse response, String code, String path) {
        String[] e = EXAMPLES.getOrDefault(code, new String[]{"server-error", "Internal error",
                "the request failed unexpectedly; nothing was changed"});
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", Problem.TYPE_BASE + e[0]);
        example.put("title", e[1]);
        example.put("status", Integer.parseInt(code));
        example.put("detail", e[2]);
        example.put("instance", path);
        response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM_REF)).example(example)));
    }

    /** One typical problem per status, as the kernel's mappers write them. */
    private static final Map<String, String[]> EXAMPLES = Map.ofEntries(
            Map.entry("400", new String[]{"invalid-request", "The request is malformed",
                    "amount '12.345' must be a non-negative yuan figure with at most two decimals, e.g. \"1234.50\""}),
            Map.entry("401", new String[]{"unauthorized", "Authentication required", "the bearer token is missing, expired or forged"}),
            Map.entry("403", new String[]{"forbidden", "Not allowed", "your role does not allow this"}),
            Map.entry("404", new String[]{"not-found", "Order not found", "Order 'ord-7f3c2a9e' does not exist or is not yours"}),
            Map.entry("406", new String[]{"not-acceptable", "Not Acceptable",
                    "this request answers in application/json, which the Accept header (application/xml) does not allow"}),
            Map.entry("409", new String[]{"idempotency-key-reused", "Conflict with the current state",
                    "Idempotency-Key '3f1c9a0e' was already used for a different request (off-3b9d6c1a); use a new key for a new request"}),
            Map.entry("412", new String[]{"precondition-failed", "The resource has changed",
                    "If-Match \"5d41402a\" does not match the current version \"7b8e2c1f\": someone changed it since you read it; "
                            + "read it again (GET), reapply your change and send the new ETag"}),
            Map.entry("415", new String[]{"unsupported-media-type", "Unsupported Media Type",
                    "the body is sent as text/plain; send it as application/json"}),
            Map.entry("422", new String[]{"not-enough-capacity", "A rule refuses this request",
                    "offering 'off-3b9d6c1a' has 120.0 GPU-hours left; 200.0 were asked for"}),
            Map.entry("502", new String[]{"catalog-unreadable", "A service this request needs answered wrongly",
                    "catalog-service's answer for offering 'off-3b9d6c1a' could not be read; nothing was saved"}),
            Map.entry("503", new String[]{"catalog-unavailable", "A service this request needs is unavailable",
                    "catalog-service cannot be reached to read the offering; nothing was saved, try again shortly"}));

    private static Schema problemSchema() {
        Schema s = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("RFC 9457 problem details: every error answer. Switch on `type`; show `detail` to a person "
                        + "(zh-CN when Accept-Language asks for Chinese).");
        s.addProperty("type", string("A stable URI naming the kind of problem: " + Problem.TYPE_BASE + "<slug>")
                .format("uri").example(Problem.TYPE_BASE + "not-enough-capacity"));
        s.addProperty("title", string("Short summary of the kind of problem").example("A rule refuses this request"));
        s.addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).description("The HTTP status").example(422));
        s.addProperty("detail", string("What went wrong with this request, and what to do about it")
                .example("offering 'off-3b9d6c1a' has 120.0 GPU-hours left; 200.0 were asked for"));
        s.addProperty("instance", string("The request path").example("/api/orders"));
        // RFC 9457 §3.2: extension members stand next to the standard ones; these are the ones the services write
        s.addProperty("field", string("The JSON path of the field at fault (400)").example("facilities[0].name"));
        s.addProperty("violations", OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("Each invalid field's JSON path and what is wrong with it (400)")
                .additionalPropertiesSchema(OASFactory.createSchema().addType(SchemaType.STRING))
                .example(Map.of("amount", "must not be blank")));
        s.addProperty("currentETag", string("The resource's current ETag (412)").example("\"7b8e2c1f0a9d3e4b5c6a7f8e9d0c1b2a\""));
        s.additionalPropertiesBoolean(Boolean.TRUE);
        s.required(List.of("type", "title", "status"));
        return s;
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(SchemaType.STRING).description(description);
    }

    /** Names of the component schemas a request body can contain. */
    private static void reachable(Schema s, Map<String, Schema> schemas, Set<String> into) {
        if (s == null) {
            return;
        }
        if (s.getRef() != null) {
            String name = s.getRef().substring(s.getRef().lastIndexOf('/') + 1);
            if (into.add(name) && schemas.containsKey(name)) {
                reachable(schemas.get(name), schemas, into);
            }
            return;
        }
        if (s.getProperties() != null) {
            s.getProperties().values().forEach(p -> reachable(p, schemas, into));
        }
        reachable(s.getItems(), schemas, into);
        if (s.getAllOf() != null) {
            s.getAllOf().forEach(p -> reachable(p, schemas, into));
        }
    }

    /** Money and GPU-hours properties become patterned strings: what the parsers accept, what the answers carry. */
    private static void units(Schema schema, boolean request) {
        if (schema.getProperties() == null) {
            return;
        }
        schema.getProperties().forEach((name, p) -> {
            if (p.getType() == null || !p.getType().contains(SchemaType.STRING)) {
                return;
            }
            if (ApiContract.MONEY.contains(name)) {
                p.setPattern(request ? ApiContract.YUAN_IN : ApiContract.YUAN_OUT);
                p.setDescription(join(p.getDescription(), "Yuan (CNY) as a string with "
                        + (request ? "at most" : "exactly") + " two decimals; integer fen inside."));
                p.setExample("1234.50");
            } else if (ApiContract.HOURS.contains(name)) {
                p.setPattern(request ? ApiContract.HOURS_IN : ApiContract.HOURS_OUT);
                p.setDescription(join(p.getDescription(), "GPU-hours as a string with "
                        + (request ? "at most" : "exactly") + " one decimal."));
                p.setExample("120.5");
            }
        });
    }

    private static String join(String a, String b) {
        return a == null || a.isBlank() ? b : a + " " + b;
    }

    private static void examples(Content content, Map<String, Schema> schemas) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        for (MediaType m : content.getMediaTypes().values()) {
            if (m.getExample() == null && (m.getExamples() == null || m.getExamples().isEmpty()) && m.getSchema() != null) {
                Object example = example(null, m.getSchema(), schemas, 0);
                if (example != null) {
                    m.setExample(example);
                }
            }
        }
    }

    /** A plausible value for a schema: its own example, a sample by property name, else one by type and format. */
    private static Object example(String name, Schema s, Map<String, Schema> schemas, int depth) {
        if (s == null || depth > 6) {
            return null;
        }
        if (s.getExample() != null) {
            return s.getExample();
        }
        if (s.getRef() != null) {
            String ref = s.getRef().substring(s.getRef().lastIndexOf('/') + 1);
            return example(name, schemas.get(ref), schemas, depth + 1);
        }
        if (s.getAllOf() != null && !s.getAllOf().isEmpty()) {
            return example(name, s.getAllOf().get(0), schemas, depth + 1);
        }
        if (s.getEnumeration() != null && !s.getEnumeration().isEmpty()) {
            return s.getEnumeration().get(0);
        }
        List<SchemaType> types = s.getType() == null ? List.of() : s.getType();
        if (types.contains(SchemaType.OBJECT) || s.getProperties() != null) {
            Map<String, Object> object = new LinkedHashMap<>();
            if (s.getProperties() != null) {
                s.getProperties().forEach((k, v) -> {
                    Object value = example(k, v, schemas, depth + 1);
                    if (value != null) {
                        object.put(k, value);
                    }
                });
            }
            return object;
        }
        if (types.contains(SchemaType.ARRAY)) {
            Object item = example(name, s.getItems(), schemas, depth + 1);
            return item == null ? List.of() : List.of(item);
        }
        if (name != null && ApiContract.SAMPLES.containsKey(name) && types.contains(SchemaType.STRING)) {
            return ApiContract.SAMPLES.get(name);
        }
        if (types.contains(SchemaType.STRING)) {
            String format = s.getFormat() == null ? "" : s.getFormat();
            return switch (format) {
                case "date" -> "2026-11-22";
                case "date-time" -> "2026-11-22T09:30:00+08:00";
                case "uri" -> "https://suanli.market/";
                default -> name == null ? "text" : name;
            };
        }
        if (types.contains(SchemaType.INTEGER)) {
            return name != null && name.toLowerCase().contains("year") ? 2026 : 1;
        }
        if (types.contains(SchemaType.NUMBER)) {
            return name != null && name.toLowerCase().contains("pue") ? 1.25 : 312.5;
        }
        if (types.contains(SchemaType.BOOLEAN)) {
            return true;
        }
        return null;
    }

}
