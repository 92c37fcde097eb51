package org.suanli.kernel.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.suanli.kernel.problem.Problem;

import java.util.Map;

/**
 * An address or headers too long for any real request: 414 / 431 as problem+json, before routing. The HTTP
 * server's own limits (kernel config, {@code quarkus.http.limits.*}) are set well above these, because it
 * answers them with an empty body; only beyond those does a client still see one.
 */
@Singleton
public class RequestLimits {

    /** Characters of the request target (path and query). */
    public static final int MAX_URI = 8192;
    /** Bytes of all header names and values together. */
    public static final int MAX_HEADERS = 16384;

    void register(@Observes Filters filters) {
        filters.register(this::check, 10_000);
    }

    void check(RoutingContext rc) {
        HttpServerRequest r = rc.request();
        String uri = r.uri();
        if (uri != null && uri.length() > MAX_URI) {
            refuse(rc, 414, "uri-too-long", "URI Too Long", "the address is " + uri.length() + " characters long; at most "
                    + MAX_URI + " are accepted: fewer or shorter query parameters");
            return;
        }
        int size = 0;
        for (Map.Entry<String, String> h : r.headers()) {
            size += h.getKey().length() + h.getValue().length() + 4;
        }
        if (size > MAX_HEADERS) {
            refuse(rc, 431, "headers-too-large", "Request Header Fields Too Large", "the headers take " + size
                    + " bytes; at most " + MAX_HEADERS + " are accepted");
            return;
        }
        rc.next();
    }

    private static void refuse(RoutingContext rc, int status, String slug, String title, String detail) {
        String path = rc.request().path() == null ? "" : rc.request().path();
        if (path.length() > 200) {
            path = path.substring(0, 200);
        }
        String body = "{\"type\":\"" + Problem.TYPE_BASE + slug + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + escape(detail) + "\",\"instance\":\"" + escape(path) + "\"}";
        rc.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE).putHeader("Connection", "close")
                .end(body);
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
