package org.suanli.kernel.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.suanli.kernel.json.BadValue;
import org.suanli.kernel.json.JsonWords;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every error leaves as problem+json: bad input is 400 naming the field (its JSON path), what is wrong with the
 * value and, for a choice, the allowed values; malformed JSON says where (line and column). Details speak the
 * API's language, never the framework's or Java's (no class names, no "MessageBodyReader").
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String MALFORMED = "The request is malformed";
    /** Jackson's refusal to coerce, e.g. {@code Cannot coerce String value ("12") to `java.lang.Integer` value}. */
    private static final java.util.regex.Pattern COERCE = java.util.regex.Pattern.compile("Cannot coerce (\\w+) value \\((.*?)\\) to");

    public static Response response(int status, String slug, String title, String detail, UriInfo uri,
                                    Map<String, Object> extensions) {
        Problem body = new Problem(Problem.TYPE_BASE + slug, title, status, detail,
                uri == null ? null : uri.getPath(), extensions == null || extensions.isEmpty() ? null : extensions);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private static Response badRequest(String detail, UriInfo uri, String field) {
        return response(400, "invalid-request", MALFORMED, detail, uri, field == null || field.isEmpty() ? null : Map.of("field", field));
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response r = response(e.status(), e.slug(), e.title(), e.getMessage(), uri, e.extensions());
        if (e instanceof TooManyRequests limited) {
            return Response.fromResponse(r).header("Retry-After", String.valueOf(limited.retryAfterSeconds())).build();
        }
        return r;
    }

    @ServerExceptionMapper
    public Response illegalArgument(IllegalArgumentException e, UriInfo uri) {
        return response(400, "invalid-request", MALFORMED, e.getMessage(), uri, null);
    }

    /** Figures so large that multiplying them overflows: no real contract is that big. */
    @ServerExceptionMapper
    public Response overflow(ArithmeticException e, UriInfo uri) {
        return response(422, "amount-out-of-range", "A rule refuses this request",
                "the figures are too large for any real contract", uri, null);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        Map<String, Object> violations = new LinkedHashMap<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            String field = field(v.getPropertyPath());
            if (field.isEmpty()) {
                violations.put("(body)", "the request needs a JSON body with the documented fields");
            } else {
                violations.put(field, words(v));
            }
        }
        String detail = violations.entrySet().stream()
                .map(en -> en.getKey().equals("(body)") ? (String) en.getValue() : "field '" + en.getKey() + "' " + en.getValue())
                .collect(Collectors.joining("; "));
        return response(400, "invalid-request", MALFORMED, detail, uri, Map.of("violations", violations));
    }

    /** Syntax: not JSON at all, a repeated member, a number out of range, bad UTF-8. Says where. */
    @ServerExceptionMapper
    public Response syntax(StreamReadException e, UriInfo uri) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
        JsonParser parser = e.getProcessor();
        String field = parser == null ? "" : JsonFields.path(parser.getParsingContext());
        String message = clean(e.getOriginalMessage());
        if (message.startsWith("Duplicate field")) {
            String name = message.replaceFirst("Duplicate field '(.*)'.*", "$1");
            String at = field.isEmpty() ? name : field;
            return badRequest("field '" + at + "' appears twice in the same object" + where + "; each member may appear once",
                    uri, at);
        }
        return badRequest("the body is not valid JSON" + where + (field.isEmpty() ? "" : " (in '" + field + "')") + ": "
                + message, uri, field);
    }

    // Mappers for the exact types the JSON reader throws: the framework has its own for MismatchedInputException,
    // which would otherwise win as the closer match.
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return mapping(e, uri);
    }

    @ServerExceptionMapper
    public Response badValue(BadValue e, UriInfo uri) {
        return mapping(e, uri);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return mapping(e, uri);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return mapping(e, uri);
    }

    @ServerExceptionMapper
    public Response mapping(JsonMappingException e, UriInfo uri) {
        if (e.getCause() instanceof StreamReadException syntax) {
            return syntax(syntax, uri); // a syntax error inside a nested value, wrapped on its way out
        }
        String field = JsonFields.path(e);
        String at = field.isEmpty() ? "the body" : "field '" + field + "'";
        String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
        if (e instanceof BadValue b) {
            return badRequest(at + " " + b.problem(), uri, field);
        }
        if (e instanceof UnrecognizedPropertyException u) {
            Collection<Object> known = u.getKnownPropertyIds();
            return badRequest("unknown field '" + field + "'" + (known == null || known.isEmpty() ? ""
                    : "; the fields here are " + known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "))),
                    uri, field);
        }
        if (e instanceof MismatchedInputException m && String.valueOf(m.getOriginalMessage()).startsWith("Trailing token")) {
            return badRequest("there is more after the JSON document" + where + "; send exactly one JSON value", uri, null);
        }
        java.util.regex.Matcher missing = java.util.regex.Pattern.compile("Missing (?:required )?(?:creator|required) property '([^']+)'")
                .matcher(String.valueOf(e.getOriginalMessage()));
        if (missing.find()) {
            String name = field.equals(missing.group(1)) || field.endsWith("." + missing.group(1)) ? field
                    : (field.isEmpty() ? "" : field + ".") + missing.group(1);
            return badRequest("field '" + name + "' is missing", uri, name);
        }
        if (e instanceof MismatchedInputException m && String.valueOf(m.getOriginalMessage()).startsWith("No content to map")) {
            return badRequest("the request needs a JSON body with the documented fields", uri, null);
        }
        if (e instanceof InvalidFormatException f) {
            return badRequest(at + " must be " + JsonWords.of(f.getTargetType()) + ", not " + describe(f.getValue()), uri, field);
        }
        if (e instanceof MismatchedInputException m) {
            String got = m.getProcessor() instanceof JsonParser p ? JsonWords.token(p.currentToken()) : null;
            java.util.regex.Matcher coerce = COERCE.matcher(String.valueOf(m.getOriginalMessage()));
            if (coerce.find()) {
                got = coerce.group(1).equals("String") ? "the text " + coerce.group(2) : coerce.group(2);
            }
            if (field.isEmpty() && m.getTargetType() != null && got != null) {
                return badRequest("the body must be " + JsonWords.of(m.getTargetType()) + ", not " + got, uri, null);
            }
            return badRequest(at + " must be " + JsonWords.of(m.getTargetType()) + (got == null ? "" : ", not " + got), uri, field);
        }
        if (e instanceof ValueInstantiationException v && v.getCause() instanceof IllegalArgumentException cause
                && cause.getMessage() != null) {
            return badRequest(at + ": " + cause.getMessage(), uri, field);
        }
        return badRequest(at + " cannot be read" + where, uri, field);
    }

    /** What is wrong with a JSON document, in the words the problems use (for JSON read outside a request body). */
    public static String inWords(JsonProcessingException e) {
        ProblemMappers m = new ProblemMappers();
        Response r = e instanceof StreamReadException s ? m.syntax(s, null)
                : e instanceof JsonMappingException j ? m.mapping(j, null) : m.json(e, null);
        return ((Problem) r.getEntity()).detail();
    }

    /** Any other Jackson failure (there should be none left): never its message, which names classes. */
    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return badRequest("the body cannot be read as the documented JSON", uri, null);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return response(401, "unauthorized", "Authentication required", "a valid bearer token is required", uri, null);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return response(401, "unauthorized", "Authentication required", "the bearer token is missing, expired or forged", uri, null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return response(403, "forbidden", "Not allowed", "your role does not allow this", uri, null);
    }

    /** The framework's own refusals (no such path, method, media type), in words. */
    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        // The JSON reader wraps syntax errors (and some mapping ones) in a bare 400.
        if (e.getCause() instanceof StreamReadException syntax) {
            return syntax(syntax, uri);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return mapping(mapping, uri);
        }
        Response r = e.getResponse();
        int status = r.getStatus();
        if (r.hasEntity()) {
            return r;
        }
        String path = uri == null ? "this address" : uri.getPath();
        String slug;
        String detail;
        switch (status) {
            case 404 -> {
                slug = "not-found";
                detail = "there is nothing at " + path;
            }
            case 405 -> {
                slug = "method-not-allowed";
                String allow = r.getHeaderString(HttpHeaders.ALLOW);
                detail = "this method is not allowed on " + path + (allow == null ? "" : "; allowed: " + allow);
            }
            case 406 -> {
                slug = "not-acceptable";
                detail = "this resource cannot answer in the media type the Accept header asks for";
            }
            case 415 -> {
                slug = "unsupported-media-type";
                detail = "send the body as application/json (UTF-8)";
            }
            default -> {
                slug = status < 500 ? "invalid-request" : "server-error";
                detail = status == 400 ? "a parameter or the body cannot be read" : r.getStatusInfo().getReasonPhrase();
            }
        }
        Response problem = response(status, slug, r.getStatusInfo().getReasonPhrase(), detail, uri, null);
        return r.getHeaderString(HttpHeaders.ALLOW) == null ? problem
                : Response.fromResponse(problem).header(HttpHeaders.ALLOW, r.getHeaderString(HttpHeaders.ALLOW)).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (clientLeft(e)) { // it gave up waiting (a timeout of its own) before its body was read: no one to answer
            LOG.debugf("the client left before %s was read: %s", uri == null ? "?" : uri.getPath(), e);
            return response(400, "invalid-request", "Bad Request", "the request body could not be read", uri, null);
        }
        LOG.error("unexpected failure on " + (uri == null ? "?" : uri.getPath()), e);
        return response(500, "server-error", "Internal error", "the request failed unexpectedly; nothing was changed", uri, null);
    }

    private static boolean clientLeft(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.nio.channels.ClosedChannelException) {
                return true;
            }
        }
        return false;
    }

    /** "facilities[0].name" from "apply.form.facilities[0].name"; "" when the body itself is missing. */
    static String field(Path path) {
        StringBuilder b = new StringBuilder();
        for (Path.Node n : path) {
            if (n.getKind() == ElementKind.METHOD || n.getKind() == ElementKind.PARAMETER
                    || n.getKind() == ElementKind.CROSS_PARAMETER || n.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (n.isInIterable() && n.getIndex() != null) {
                b.append('[').append(n.getIndex()).append(']');
            } else if (n.isInIterable() && n.getKey() != null) {
                b.append('[').append(n.getKey()).append(']');
            }
            if (n.getKind() == ElementKind.CONTAINER_ELEMENT || n.getName() == null) {
                continue;
            }
            if (!b.isEmpty()) {
                b.append('.');
            }
            b.append(n.getName());
        }
        return b.toString();
    }

    private static String words(ConstraintViolation<?> v) {
        String annotation = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        Map<String, Object> a = v.getConstraintDescriptor().getAttributes();
        boolean text = v.getInvalidValue() instanceof CharSequence;
        return switch (annotation) {
            case "NotNull" -> "is required";
            case "NotBlank" -> v.getInvalidValue() == null ? "is required" : "must not be blank";
            case "NotEmpty" -> v.getInvalidValue() == null ? "is required" : "must not be empty";
            case "Size" -> {
                int min = (Integer) a.get("min");
                int max = (Integer) a.get("max");
                String unit = text ? " characters" : " items";
                yield min <= 0 ? "must have at most " + max + unit : max == Integer.MAX_VALUE
                        ? "must have at least " + min + unit : "must have " + min + " to " + max + unit;
            }
            default -> v.getMessage();
        };
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof CharSequence s) {
            return "'" + s + "'";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        return "that value";
    }

    /** Jackson's own words for a syntax error, without its source excerpts or type names. */
    private static String clean(String message) {
        if (message == null) {
            return "it cannot be read";
        }
        String m = message;
        int cut = m.indexOf(" (start marker at");
        if (cut >= 0) {
            m = m.substring(0, cut);
        }
        cut = m.indexOf("\n");
        if (cut >= 0) {
            m = m.substring(0, cut);
        }
        return m.replaceAll("`[^`]*`", "the documented type").replace("[Source: REDACTED", "").trim();
    }

}
