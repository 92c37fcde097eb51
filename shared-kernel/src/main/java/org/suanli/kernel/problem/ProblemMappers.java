package org.suanli.kernel.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every error leaves as problem+json: bad input is 400 with what to fix, never a 500, and auth
 * failures carry the same shape as everything else.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    public static Response response(int status, String slug, String title, String detail, UriInfo uri,
                                    Map<String, Object> extensions) {
        Problem body = new Problem(Problem.TYPE_BASE + slug, title, status, detail,
                uri == null ? null : uri.getPath(), extensions == null || extensions.isEmpty() ? null : extensions);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return response(e.status(), e.slug(), e.title(), e.getMessage(), uri, e.extensions());
    }

    @ServerExceptionMapper
    public Response illegalArgument(IllegalArgumentException e, UriInfo uri) {
        return response(400, "invalid-request", "The request is malformed", e.getMessage(), uri, null);
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
        e.getConstraintViolations().forEach(v -> violations.put(leaf(v.getPropertyPath().toString()), v.getMessage()));
        String detail = violations.entrySet().stream().map(en -> en.getKey() + ": " + en.getValue())
                .collect(Collectors.joining("; "));
        return response(400, "invalid-request", "The request is malformed", detail, uri, Map.of("violations", violations));
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return response(400, "invalid-request", "The request is malformed",
                "unknown field '" + e.getPropertyName() + "'", uri, null);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        String field = JsonFields.path(e);
        return response(400, "invalid-request", "The request is malformed",
                "field '" + field + "' has an invalid value '" + e.getValue() + "'", uri, null);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
        String field = JsonFields.path(e);
        return response(400, "invalid-request", "The request is malformed", field.isEmpty()
                ? "the body does not have the shape this request needs (a JSON object with the documented fields)"
                : "field '" + field + "' has the wrong type", uri, null);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return response(400, "invalid-request", "The request is malformed",
                "the body is not valid JSON for this request: " + e.getOriginalMessage(), uri, null);
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

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getResponse().hasEntity()) {
            return e.getResponse();
        }
        String slug = status == 404 ? "not-found" : status == 405 ? "method-not-allowed"
                : status == 415 ? "unsupported-media-type" : status < 500 ? "invalid-request" : "server-error";
        // The framework's own 400 (unparseable JSON body, unconvertible parameter) says only "HTTP 400 Bad Request".
        String detail = status == 400 && e.getMessage() != null && e.getMessage().startsWith("HTTP 400")
                ? "the body is not valid JSON, or a parameter cannot be read" : e.getMessage();
        return response(status, slug, e.getResponse().getStatusInfo().getReasonPhrase(), detail, uri, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.error("unexpected failure on " + (uri == null ? "?" : uri.getPath()), e);
        return response(500, "server-error", "Internal error", "the request failed unexpectedly; nothing was changed", uri, null);
    }

    private static String leaf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
