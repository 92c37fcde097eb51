package org.suanli.kernel.problem;

import com.fasterxml.jackson.databind.JsonMappingException;

import java.util.stream.Collectors;

/** Where in a JSON body a mapping error is, in the words a client uses: {@code items.[2].amount}. */
public final class JsonFields {

    private JsonFields() {
    }

    public static String path(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName())
                .collect(Collectors.joining("."));
    }
}
