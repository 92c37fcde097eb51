package org.suanli.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** No development secret or demo password reaches a deployable manifest; secrets are only ever referenced. */
class SecretsTest {

    private static final DevelopmentSecrets DEV = DevelopmentSecrets.ofRepository();

    @Test
    void theDevelopmentSecretsAreReadFromTheRepository() {
        // the realm's client secret, the demo users' password, the dashboard's dev session secret
        assertThat(DEV.values()).contains("marketplace-secret", "demo",
                "dev-only-dashboard-session-secret-change-me-0123456789", "catalog", "admin");
    }

    @ParameterizedTest(name = "overlay {0}")
    @MethodSource("org.suanli.deploycheck.Rendered#overlays")
    void noDevelopmentSecretIsRendered(String overlay) {
        Rendered r = Rendered.of(overlay);
        assertThat(DEV.findings(r.documents(), r.text())).isEmpty();
    }

    @Test
    void theScanFindsWhatItLooksFor() throws Exception {
        String bad = """
                apiVersion: v1
                kind: Secret
                metadata: {name: suanli-db-catalog}
                stringData: {username: catalog, password: catalog}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: catalog-service}
                spec:
                  template:
                    spec:
                      containers:
                        - name: c
                          env:
                            - {name: QUARKUS_DATASOURCE_PASSWORD, value: s3cret-but-literal}
                            - {name: OIDC_CLIENT_SECRET, value: marketplace-secret}
                ---
                apiVersion: k8s.keycloak.org/v2alpha1
                kind: KeycloakRealmImport
                metadata: {name: r}
                spec:
                  realm:
                    realm: suanli
                    users: [{username: sme1, credentials: [{type: password, value: demo}]}]
                """;
        List<JsonNode> docs = new ArrayList<>();
        new YAMLMapper().readerFor(JsonNode.class).readValues(bad).forEachRemaining(d -> docs.add((JsonNode) d));

        List<String> findings = DEV.findings(docs, bad);

        assertThat(findings).anyMatch(f -> f.contains("a Secret in the manifests"))
                .anyMatch(f -> f.contains("stringData/password: a development credential"))
                .anyMatch(f -> f.contains("QUARKUS_DATASOURCE_PASSWORD is given as a literal value"))
                .anyMatch(f -> f.contains("'marketplace-secret' appears"))
                .anyMatch(f -> f.contains("the realm has users"))
                .anyMatch(f -> f.contains("/users/0/credentials/0: a password credential in clear"));
    }
}
