package org.suanli.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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

    @Test
    void aMisspeltDeploymentFieldIsRefused() {
        assertThatThrownBy(() -> bind("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec: {replica: 3}
                """)).isInstanceOf(UnrecognizedPropertyException.class).hasMessageContaining("\"replica\"");
    }

    @Test
    void aMisspeltKafkaTopicFieldIsRefused() {
        assertThatThrownBy(() -> bind("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: orders}
                spec: {partitions: 12, replicationFactor: 3}
                """)).isInstanceOf(UnrecognizedPropertyException.class).hasMessageContaining("\"replicationFactor\"");
    }

    @Test
    void aMisspeltCloudNativePgFieldIsRefused() {
        assertThatThrownBy(() -> bind("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: pg}
                spec: {instance: 3}
                """)).isInstanceOf(UnrecognizedPropertyException.class).hasMessageContaining("\"instance\"");
    }

    @Test
    void aMisspeltRealmFieldIsRefused() {
        assertThatThrownBy(() -> bind("""
                apiVersion: k8s.keycloak.org/v2alpha1
                kind: KeycloakRealmImport
                metadata: {name: r}
                spec: {keycloakCRName: kc, realm: {realm: suanli, sslRequire: all}}
                """)).isInstanceOf(UnrecognizedPropertyException.class).hasMessageContaining("\"sslRequire\"");
    }

    @Test
    void aPoolModeOutsideTheEnumerationIsRefused() {
        assertThatThrownBy(() -> bind("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Pooler
                metadata: {name: p}
                spec: {cluster: {name: pg}, type: rw, pgbouncer: {poolMode: statement}}
                """)).hasMessageContaining("statement");
    }

    private static Object bind(String yaml) throws Exception {
        JsonNode doc = new YAMLMapper().readTree(yaml);
        return StrictModels.bind(doc, StrictModels.modelOf(doc).orElseThrow());
    }
}
