package org.suanli.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every document an overlay renders fits the model of its kind, with no field the model does not know. */
class ModelsTest {

    @ParameterizedTest(name = "overlay {0}")
    @MethodSource("org.suanli.deploycheck.Rendered#overlays")
    void everyRenderedDocumentFitsItsModel(String overlay) {
        Rendered r = Rendered.of(overlay);
        List<String> problems = new ArrayList<>();
        for (JsonNode doc : r.documents()) {
            var model = StrictModels.modelOf(doc);
            if (model.isEmpty()) {
                problems.add(Rendered.id(doc) + ": no model for this apiVersion and kind");
                continue;
            }
            try {
                StrictModels.bind(doc, model.get());
            } catch (Exception e) {
                problems.add(Rendered.id(doc) + ": " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        assertThat(problems).as(overlay + ": documents that do not fit their model").isEmpty();
        assertThat(r.documents()).as("documents rendered").hasSizeGreaterThan(40);
    }

    // The strictness itself, once per family of models: a misspelt field is refused, not kept aside.

    @ParameterizedTest(name = "a misspelt {1} field ({3}) is refused")
    @CsvSource(delimiter = '|', textBlock = """
            apps/v1                   | Deployment          | {replica: 3}                                               | replica
            kafka.strimzi.io/v1       | KafkaTopic          | {partitions: 12, replicationFactor: 3}                     | replicationFactor
            postgresql.cnpg.io/v1     | Cluster             | {instance: 3}                                              | instance
            k8s.keycloak.org/v2alpha1 | KeycloakRealmImport | {keycloakCRName: kc, realm: {realm: suanli, sslRequire: all}} | sslRequire
            """)
    void aMisspeltFieldIsRefused(String apiVersion, String kind, String spec, String misspelt) {
        assertThatThrownBy(() -> bind(document(apiVersion, kind, spec))).isInstanceOf(UnrecognizedPropertyException.class)
                .hasMessageContaining("\"" + misspelt + "\"");
    }

    @Test
    void aPoolModeOutsideTheEnumerationIsRefused() {
        assertThatThrownBy(() -> bind(document("postgresql.cnpg.io/v1", "Pooler",
                "{cluster: {name: pg}, type: rw, pgbouncer: {poolMode: statement}}"))).hasMessageContaining("statement");
    }

    private static String document(String apiVersion, String kind, String spec) {
        return "apiVersion: " + apiVersion + "\nkind: " + kind + "\nmetadata: {name: x}\nspec: " + spec + "\n";
    }

    private static Object bind(String yaml) throws Exception {
        JsonNode doc = new YAMLMapper().readTree(yaml);
        return StrictModels.bind(doc, StrictModels.modelOf(doc).orElseThrow());
    }
}
