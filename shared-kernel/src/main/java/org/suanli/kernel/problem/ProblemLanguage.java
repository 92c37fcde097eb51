package org.suanli.kernel.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Problem details in the reader's language: zh-CN when the request's {@code Accept-Language} prefers Chinese
 * (zh, zh-CN, zh-Hans…), English otherwise. The bundle {@code org/suanli/kernel/problem/problems} is keyed by the
 * problem's slug: {@code <slug>.title}, and {@code <slug>.detail.<n>} as English templates ({@code problems.properties})
 * with their Chinese counterparts ({@code problems_zh_CN.properties}). A detail that matches no English template
 * stays English under a Chinese title, so a new refusal is never lost, only untranslated.
 */
@Provider
public class ProblemLanguage implements ContainerResponseFilter {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final String BUNDLE = "org.suanli.kernel.problem.problems";

    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle(BUNDLE, Locale.ROOT, noFallback());
    private static final ResourceBundle ZH = ResourceBundle.getBundle(BUNDLE, CHINESE, noFallback());

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Problem p)) {
            return;
        }
        response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        if (!prefersChinese(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE))) {
            return;
        }
        response.setEntity(chinese(p));
        response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, "zh-CN");
    }

    /** The same problem with its title and, where a template matches, its detail in Chinese. */
    public static Problem chinese(Problem p) {
        String slug = p.type() != null && p.type().startsWith(Problem.TYPE_BASE)
                ? p.type().substring(Problem.TYPE_BASE.length()) : "";
        String title = text(ZH, slug + ".title");
        if (title == null) {
            title = text(ZH, "status." + p.status() + ".title");
        }
        return new Problem(p.type(), title == null ? p.title() : title, p.status(), chineseDetail(slug, p.detail()),
                p.instance(), p.extensions());
    }

    static String chineseDetail(String slug, String detail) {
        if (detail == null) {
            return null;
        }
        for (String scope : List.of(slug, "any")) {
            for (int n = 1; ; n++) {
                String english = text(ENGLISH, scope + ".detail." + n);
                if (english == null) {
                    break;
                }
                Matcher m = template(english).matcher(detail);
                String zh = text(ZH, scope + ".detail." + n);
                if (zh != null && m.matches()) {
                    Object[] args = new Object[m.groupCount()];
                    for (int i = 0; i < args.length; i++) {
                        String arg = m.group(i + 1);
                        String noun = text(ZH, "noun." + arg);
                        args[i] = noun == null ? arg : noun;
                    }
                    return new MessageFormat(zh, CHINESE).format(args);
                }
            }
        }
        return detail;
    }

    /** Accept-Language's most wanted of the two languages offered; q=0 means "not this one". */
    public static boolean prefersChinese(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return false;
        }
        try {
            for (Locale.LanguageRange r : Locale.LanguageRange.parse(acceptLanguage)) {
                if (r.getWeight() <= 0) {
                    continue;
                }
                String range = r.getRange().toLowerCase(Locale.ROOT);
                if (range.equals("zh") || range.startsWith("zh-")) {
                    return true;
                }
                if (range.equals("en") || range.startsWith("en-") || range.equals("*")) {
                    return false;
                }
            }
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        return false;
    }

    /** "{0} ''{1}'' does not exist" → ^(.+?) '(.+?)' does not exist$ */
    private static Pattern template(String english) {
        StringBuilder regex = new StringBuilder("^");
        Matcher arg = Pattern.compile("\\{\\d+}").matcher(english);
        int at = 0;
        List<String> literals = new ArrayList<>();
        while (arg.find()) {
            literals.add(english.substring(at, arg.start()));
            at = arg.end();
        }
        literals.add(english.substring(at));
        for (int i = 0; i < literals.size(); i++) {
            String lit = literals.get(i).replace("''", "'");
            if (!lit.isEmpty()) {
                regex.append(Pattern.quote(lit));
            }
            if (i < literals.size() - 1) {
                regex.append("(.+?)");
            }
        }
        return Pattern.compile(regex.append('$').toString(), Pattern.DOTALL);
    }

    private static String text(ResourceBundle bundle, String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    private static ResourceBundle.Control noFallback() {
        return ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    }
}
