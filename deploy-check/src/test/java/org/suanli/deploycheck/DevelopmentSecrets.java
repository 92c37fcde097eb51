package org.suanli.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The development credentials of this repository, read from where they live (the development realm, the
 * services' dev/test properties, deploy/infra.sh's conventions), and a scan of rendered manifests for them and
 * for any secret written in clear instead of referenced.
 */
final class DevelopmentSecrets {

    static final Path REPO = Rendered.K8S.getParent().getParent();
    /** Keys whose value is a credential (a Secret's name under such a key is an object, or a plain name, checked below). */
    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(password|secret|jaas|credential|token).*");

    private final Set<String> values;

    DevelopmentSecrets(Set<String> values) {
        this.values = values;
    }

    static DevelopmentSecrets ofRepository() {
        Set<String> v = new TreeSet<>();
        // deploy/infra.sh: every database user's password is its name; Keycloak's console admin is admin/admin
        v.addAll(List.of("catalog", "orders", "voucher", "settlement", "postgres", "admin"));
        try {
            JsonNode realm = new ObjectMapper().readTree(REPO.resolve("deploy/keycloak/suanli-realm.json").toFile());
            realm.path("clients").forEach(c -> text(c.path("secret")).ifPresent(v::add));
            realm.path("users").forEach(u -> u.path("credentials").forEach(c -> text(c.path("value")).ifPresent(v::add)));
            for (Path props : List.of(REPO.resolve("shared-kernel/src/main/resources/META-INF/microprofile-config.properties"),
                    REPO.resolve("catalog-service/src/main/resources/application.properties"),
                    REPO.resolve("order-service/src/main/resources/application.properties"),
                    REPO.resolve("voucher-service/src/main/resources/application.properties"),
                    REPO.resolve("settlement-service/src/main/resources/application.properties"))) {
                Properties p = new Properties();
                p.load(new StringReader(Files.readString(props)));
                p.forEach((k, val) -> {
                    String key = k.toString();
                    if (key.startsWith("%") && SECRET_KEY.matcher(key).matches() && !val.toString().contains("${")) {
                        v.add(val.toString());
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DevelopmentSecrets(v);
    }

    Set<String> values() {
        return values;
    }

    /** What is wrong with the rendered documents, one line each; empty when nothing is. */
    List<String> findings(List<JsonNode> documents, String text) {
        List<String> out = new ArrayList<>();
        for (String s : values) {
            // long ones anywhere; the short ones (database names, "demo", "admin") only as a credential's value
            if (s.length() >= 12 && text.contains(s)) {
                out.add("the development secret '" + s + "' appears in the rendered text");
            }
        }
        for (JsonNode doc : documents) {
            String id = Rendered.id(doc);
            if ("Secret".equals(doc.path("kind").asText())) {
                out.add(id + ": a Secret in the manifests (secrets are created apart and only referenced)");
            }
            if ("KeycloakRealmImport".equals(doc.path("kind").asText()) && doc.path("spec").path("realm").has("users")) {
                out.add(id + ": the realm has users (no demo users in a deployable realm)");
            }
            walk(doc, "", id, out);
        }
        return out;
    }

    private void walk(JsonNode node, String path, String id, List<String> out) {
        if (node.isObject()) {
            // an environment variable named like a secret must come from a Secret, never a literal value
            if (node.has("name") && node.has("value") && SECRET_KEY.matcher(node.path("name").asText()).matches()) {
                out.add(id + " " + path + ": " + node.path("name").asText() + " is given as a literal value, not a secretKeyRef");
            }
            if (node.path("value").isTextual() && "password".equals(node.path("type").asText())) {
                out.add(id + " " + path + ": a password credential in clear");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (v.isTextual() && SECRET_KEY.matcher(e.getKey()).matches() && isDevValue(v.asText())) {
                    out.add(id + " " + path + "/" + e.getKey() + ": a development credential");
                }
                walk(v, path + "/" + e.getKey(), id, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, id, out);
            }
        }
    }

    private boolean isDevValue(String v) {
        return values.contains(v) || v.equalsIgnoreCase("demo") || v.equalsIgnoreCase("admin");
    }

    private static java.util.Optional<String> text(JsonNode n) {
        return n.isTextual() && !n.asText().isBlank() ? java.util.Optional.of(n.asText()) : java.util.Optional.empty();
    }
}
