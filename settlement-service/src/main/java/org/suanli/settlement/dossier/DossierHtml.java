package org.suanli.settlement.dossier;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dossier as a printable page: one section per part, objects as two-column tables, lists as tables with a column
 * per field, the content hash at the top and the foot of every printed copy with how to check it. Every value is
 * HTML-escaped. Plain Java.
 */
public final class DossierHtml {

    private static final Map<String, String> TITLES = Map.of(
            "contract", "合同 Contract", "decision", "补贴决定 Decision", "budgetMovements", "预算变动 Budget movements",
            "delivery", "交付与发票 Delivery and invoice", "settlement", "结算 Settlement entries, batches and payment",
            "reviews", "审核与批准 Reviews and approvals", "auditTrail", "审计记录 Audit trail");

    private DossierHtml() {
    }

    public static String render(JsonNode dossier, String hash, String verifyPath) {
        StringBuilder b = new StringBuilder(16_384);
        String orderId = dossier.path("orderId").asText();
        b.append("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>兑付材料 Claim dossier ")
                .append(esc(orderId)).append("</title><style>")
                .append("body{font:13px/1.4 system-ui,sans-serif;margin:2em;color:#111}h1{font-size:20px}")
                .append("h2{font-size:15px;margin-top:1.6em;border-bottom:1px solid #999}")
                .append("table{border-collapse:collapse;margin:.4em 0;width:100%}td,th{border:1px solid #ccc;")
                .append("padding:2px 6px;text-align:left;vertical-align:top}th{background:#f3f3f3}")
                .append(".hash{font-family:monospace;word-break:break-all}")
                .append("@media print{body{margin:1cm}footer{position:fixed;bottom:0}}</style></head><body>");
        b.append("<h1>兑付材料 Claim dossier · order ").append(esc(orderId)).append("</h1>");
        b.append("<p>内容哈希 Content hash: <span class=\"hash\" data-testid=\"hash\">").append(esc(hash))
                .append("</span></p>");
        dossier.fields().forEachRemaining(f -> {
            if (f.getKey().equals("orderId")) {
                return;
            }
            b.append("<section id=\"").append(esc(f.getKey())).append("\"><h2>")
                    .append(esc(TITLES.getOrDefault(f.getKey(), f.getKey()))).append("</h2>");
            value(b, f.getValue());
            b.append("</section>");
        });
        b.append("<footer><p>Check this copy: <span class=\"hash\">GET ").append(esc(verifyPath)).append("?hash=")
                .append(esc(hash)).append("</span> — the hash is SHA-256 over the dossier's JSON with its keys sorted "
                        + "and no spaces.</p></footer></body></html>");
        return b.toString();
    }

    private static void value(StringBuilder b, JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            b.append("<p>—</p>");
        } else if (v.isObject()) {
            b.append("<table>");
            v.fields().forEachRemaining(f -> {
                b.append("<tr><th>").append(esc(f.getKey())).append("</th><td>");
                cell(b, f.getValue());
                b.append("</td></tr>");
            });
            b.append("</table>");
        } else if (v.isArray()) {
            if (v.isEmpty()) {
                b.append("<p>— none —</p>");
                return;
            }
            Set<String> cols = new LinkedHashSet<>();
            v.forEach(e -> e.fieldNames().forEachRemaining(cols::add));
            if (cols.isEmpty()) {
                cell(b, v);
                return;
            }
            b.append("<table><tr>");
            cols.forEach(c -> b.append("<th>").append(esc(c)).append("</th>"));
            b.append("</tr>");
            v.forEach(e -> {
                b.append("<tr>");
                cols.forEach(c -> {
                    b.append("<td>");
                    cell(b, e.get(c));
                    b.append("</td>");
                });
                b.append("</tr>");
            });
            b.append("</table>");
        } else {
            b.append("<p>").append(esc(v.asText())).append("</p>");
        }
    }

    private static void cell(StringBuilder b, JsonNode v) {
        if (v == null || v.isNull()) {
            b.append("—");
        } else if (v.isContainerNode()) {
            if (v.isArray() && allScalars(v)) {
                List<String> parts = new ArrayList<>();
                v.forEach(e -> parts.add(e.asText()));
                b.append(esc(String.join(", ", parts)));
            } else {
                value(b, v);
            }
        } else {
            b.append(esc(v.asText()));
        }
    }

    private static boolean allScalars(JsonNode array) {
        for (JsonNode e : array) {
            if (e.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
