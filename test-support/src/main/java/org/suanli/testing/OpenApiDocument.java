package org.suanli.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The committed contract {@code docs/openapi/<service>.yaml} must be what the code generates (the document the
 * running test application serves, which the build also exports to {@code <service>/target/openapi/openapi.yaml}).
 * A change to an endpoint without the refreshed document fails the build, saying how to refresh it.
 */
public final class OpenApiDocument {

    /** {@code -Dopenapi.refresh=true}: write the generated document over the committed one instead of failing. */
    public static final String REFRESH = "openapi.refresh";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private OpenApiDocument() {
    }

    public static void assertCommitted(String service) throws IOException {
        String generated = given().accept("application/yaml").get("/q/openapi?format=yaml")
                .then().statusCode(200).extract().asString();
        // Surefire runs in the module's directory; the documents live at the repository's root.
        Path committed = Path.of("").toAbsolutePath().getParent().resolve("docs/openapi/" + service + ".yaml");
        if (Boolean.getBoolean(REFRESH)) {
            Files.createDirectories(committed.getParent());
            Files.writeString(committed, generated, StandardCharsets.UTF_8);
            return;
        }
        String expected = Files.exists(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : null;
        // Compared as documents, not text: the generator does not keep the order of a schema's keywords between builds.
        if (expected == null || !YAML.readTree(generated).equals(YAML.readTree(expected))) {
            fail("docs/openapi/" + service + ".yaml " + (expected == null ? "is missing" : "differs from what the code generates")
                    + ". Refresh it and commit it: ./mvnw -B -pl " + service + " -am verify -Dtest=OpenApiDocumentTest"
                    + " -Dsurefire.failIfNoSpecifiedTests=false -D" + REFRESH + "=true"
                    + " (or copy " + service + "/target/openapi/openapi.yaml after a build)."
                    + (expected == null ? "" : "\nFirst difference at " + difference("", YAML.readTree(expected), YAML.readTree(generated))));
        }
    }

    /** The JSON pointer of the first place where the committed and the generated document differ. */
    private static String difference(String at, JsonNode committed, JsonNode generated) {
        if (committed == null || generated == null || committed.getNodeType() != generated.getNodeType()
                || !(committed.isContainerNode())) {
            return at + ": committed " + committed + ", generated " + generated;
        }
        java.util.Set<String> names = new java.util.TreeSet<>();
        committed.fieldNames().forEachRemaining(names::add);
        generated.fieldNames().forEachRemaining(names::add);
        if (committed.isArray()) {
            for (int i = 0; i < Math.max(committed.size(), generated.size()); i++) {
                if (!java.util.Objects.equals(committed.get(i), generated.get(i))) {
                    return difference(at + "/" + i, committed.get(i), generated.get(i));
                }
            }
        }
        for (String n : names) {
            if (!java.util.Objects.equals(committed.get(n), generated.get(n))) {
                return difference(at + "/" + n, committed.get(n), generated.get(n));
            }
        }
        return at;
    }
}
