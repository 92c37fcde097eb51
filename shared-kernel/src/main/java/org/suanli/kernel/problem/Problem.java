package org.suanli.kernel.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/**
 * RFC 9457 problem details, the body of every error response. The {@code extensions} are written as members of
 * the problem object itself ({@code "violations"}, {@code "field"}, {@code "currentETag"} next to {@code "detail"}),
 * as RFC 9457 §3.2 defines extension members, not nested under a member of their own.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      @JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** Stable type URIs: clients may switch on them. */
    public static final String TYPE_BASE = "https://suanli.market/problems/";

    /** The extension members, written at the problem's top level. */
    @JsonAnyGetter
    public Map<String, Object> members() {
        return extensions == null ? Map.of() : extensions;
    }
}
