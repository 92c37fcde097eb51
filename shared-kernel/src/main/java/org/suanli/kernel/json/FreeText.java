package org.suanli.kernel.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a free-text field of a request body (a reason, a note) that may span lines: it may hold line feeds
 * and tabs. Every other text field holds one line. No text field holds any other control character, NUL or
 * a lone surrogate ({@link TextRules}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface FreeText {
}
