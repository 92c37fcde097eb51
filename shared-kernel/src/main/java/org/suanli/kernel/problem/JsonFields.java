package org.suanli.kernel.problem;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;

import java.util.ArrayDeque;
import java.util.Deque;

/** Where in a JSON body an error is, in the words a client uses: {@code items[2].amount}. */
public final class JsonFields {

    private JsonFields() {
    }

    public static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!b.isEmpty()) {
                    b.append('.');
                }
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    /** The path of the value a parser stands at (for syntax errors, which carry no mapping path). */
    public static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                parts.push("." + c.getCurrentName());
            }
        }
        String p = String.join("", parts);
        return p.startsWith(".") ? p.substring(1) : p;
    }
}
