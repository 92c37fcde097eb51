package org.suanli.kernel.logging;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.suanli.kernel.tracing.Correlation;

/**
 * Puts the order a REST call is about into the log fields and its server span: a path parameter
 * {@code orderId}, or {@code id} under {@code /api/orders}. The buyer and partner come from the token when a
 * resource asks for them ({@link org.suanli.kernel.security.Caller}). MDC is per request (Vert.x context).
 */
public class RequestIds {

    @ServerRequestFilter
    public void name(ContainerRequestContext request) {
        MultivaluedMap<String, String> params = request.getUriInfo().getPathParameters();
        if (params.isEmpty()) {
            return;
        }
        String order = params.getFirst("orderId");
        if (order == null && request.getUriInfo().getPath().startsWith("/api/orders/")) {
            order = params.getFirst("id");
        }
        Correlation.order(order);
    }
}
