package org.suanli.kernel.http;

import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/** Puts the {@code ETag} on every successful answer of a {@link Versioned} method; 304 for a GET that already has it. */
@Provider
@Versioned
public class VersionedFilter implements ContainerResponseFilter {

    @Inject
    ETags etags;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() / 100 != 2 || !response.hasEntity()) {
            return;
        }
        String tag = etags.of(response.getEntity());
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (HttpMethod.GET.equals(request.getMethod()) && ifNoneMatch != null && ETags.matches(ifNoneMatch, tag)) {
            response.setStatus(304);
            response.setEntity(null);
        }
    }
}
