package org.suanli.kernel.http;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method whose 2xx answer is the current representation of something officials or partners
 * edit: the answer carries its {@code ETag} (see {@link ETags}), and a GET with a matching {@code If-None-Match}
 * gets 304. Writes that honour {@code If-Match} go through {@link Preconditions}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Versioned {
}
