package org.suanli.kernel.http;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.suanli.kernel.problem.ProblemMappers;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The media-type half of the request contract, for every endpoint of every service, checked after routing and
 * before the body is read or anything runs: an endpoint that reads a body takes it as {@code application/json}
 * in UTF-8 (415 for another or no Content-Type); one that reads no body takes none (415); and the Accept header
 * must allow what the endpoint answers in (406). Without this the framework reads text/plain or a missing
 * Content-Type as JSON anyway, and answers {@code Accept: application/xml} after doing the write.
 */
public class RequestContract {

    private static final Set<Class<?>> CONTEXT_TYPES = Set.of(UriInfo.class, HttpHeaders.class, Request.class,
            SecurityContext.class, ContainerRequestContext.class);
    private static final Map<Method, Shape> SHAPES = new ConcurrentHashMap<>();

    /** What an endpoint takes and gives, read once from its annotations. */
    record Shape(boolean readsBody, List<MediaType> consumes, List<MediaType> produces) {
    }

    @ServerRequestFilter
    public Optional<Response> check(ContainerRequestContext request, ResourceInfo resource, UriInfo uri) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return Optional.empty();
        }
        Shape shape = SHAPES.computeIfAbsent(method, m -> shape(m, resource.getResourceClass()));
        String refusal = acceptRefusal(shape, request.getAcceptableMediaTypes());
        if (refusal != null) {
            return Optional.of(ProblemMappers.response(406, "not-acceptable", "Not Acceptable", refusal, uri, null));
        }
        refusal = bodyRefusal(shape, request.getHeaderString(HttpHeaders.CONTENT_TYPE), hasBody(request));
        if (refusal != null) {
            return Optional.of(ProblemMappers.response(415, "unsupported-media-type", "Unsupported Media Type", refusal,
                    uri, null));
        }
        return Optional.empty();
    }

    static String acceptRefusal(Shape shape, List<MediaType> acceptable) {
        if (acceptable == null || acceptable.isEmpty()) {
            return null;
        }
        for (MediaType a : acceptable) {
            for (MediaType p : shape.produces()) {
                if (a.isCompatible(p)) {
                    return null;
                }
            }
        }
        return "this request answers in " + names(shape.produces()) + ", which the Accept header ("
                + acceptable.stream().map(m -> m.getType() + "/" + m.getSubtype()).collect(Collectors.joining(", "))
                + ") does not allow; ask for " + names(shape.produces()) + " or leave Accept out";
    }

    static String bodyRefusal(Shape shape, String contentType, boolean hasBody) {
        if (!shape.readsBody()) {
            return hasBody ? "this request takes no body; send it without one" : null;
        }
        if (!hasBody && contentType == null) {
            return null; // a missing body is the validation's to refuse (400), or an optional one
        }
        String want = names(shape.consumes()) + " in UTF-8";
        if (contentType == null || contentType.isBlank()) {
            return "the request has a body but no Content-Type; send it as " + want;
        }
        MediaType given;
        try {
            given = MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            return "Content-Type '" + contentType + "' cannot be read; send the body as " + want;
        }
        String charset = given.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
            return "the body is declared as " + charset + "; send it as " + want;
        }
        for (MediaType c : shape.consumes()) {
            if (c.isWildcardType() || (c.getType().equalsIgnoreCase(given.getType())
                    && (c.isWildcardSubtype() || c.getSubtype().equalsIgnoreCase(given.getSubtype())))) {
                return null;
            }
        }
        return "the body is sent as " + given.getType() + "/" + given.getSubtype() + "; send it as " + want;
    }

    private static boolean hasBody(ContainerRequestContext request) {
        if (request.getHeaderString("Transfer-Encoding") != null) {
            return true;
        }
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        try {
            return length != null && Long.parseLong(length.trim()) > 0;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    static Shape shape(Method method, Class<?> resourceClass) {
        boolean body = Arrays.stream(method.getParameters()).anyMatch(RequestContract::isBody);
        List<MediaType> consumes = types(method.getAnnotation(Consumes.class) != null ? method.getAnnotation(Consumes.class).value()
                : resourceClass != null && resourceClass.getAnnotation(Consumes.class) != null
                ? resourceClass.getAnnotation(Consumes.class).value() : null);
        List<MediaType> produces = types(method.getAnnotation(Produces.class) != null ? method.getAnnotation(Produces.class).value()
                : resourceClass != null && resourceClass.getAnnotation(Produces.class) != null
                ? resourceClass.getAnnotation(Produces.class).value() : null);
        return new Shape(body, consumes, produces);
    }

    /** The entity parameter: the one that no JAX-RS or RESTEasy annotation binds to something else. */
    private static boolean isBody(Parameter p) {
        if (CONTEXT_TYPES.contains(p.getType())) {
            return false;
        }
        for (Annotation a : p.getAnnotations()) {
            String pkg = a.annotationType().getPackageName();
            if (pkg.startsWith("jakarta.ws.rs") || pkg.startsWith("org.jboss.resteasy.reactive")) {
                return false;
            }
        }
        return true;
    }

    private static List<MediaType> types(String[] declared) {
        if (declared == null || declared.length == 0) {
            return List.of(MediaType.APPLICATION_JSON_TYPE);
        }
        return Arrays.stream(declared).flatMap(s -> Arrays.stream(s.split(","))).map(String::trim)
                .map(MediaType::valueOf).toList();
    }

    private static String names(List<MediaType> types) {
        return types.stream().map(m -> m.getType() + "/" + m.getSubtype()).distinct().collect(Collectors.joining(" or "));
    }
}
