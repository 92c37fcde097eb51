package org.suanli.kernel.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/** RFC 9457 problem details, the body of every error response. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** Stable type URIs: clients may switch on them. */
    public static final String TYPE_BASE = "https://suanli.market/problems/";
}
